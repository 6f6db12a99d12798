using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using MotCua.Domain.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Data.Audit;
using MotCua.Web.Platform.Auth;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// A staff member reads one dossier (the API and the dossier page alike): found within their data scope, the
/// applicant in full only when their role needs it (<see cref="Policies.FullPersonalData"/>) and masked otherwise,
/// and every full read written to the audit trail.
/// </summary>
public static class ReadDossier
{
    public sealed record Result<T>(T Value, Dossier Dossier, ApplicantView Applicant);

    /// <summary>The dossier with its history, for the API.</summary>
    public static async Task<Result<Dossier>?> ExecuteAsync(DossierNumber number, ClaimsPrincipal reader, MotCuaDb db, IAuthorizationService authorization, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var dossier = await DossierQuery.FindAsync(number, db, ct);
        return dossier is null ? null : new(dossier, dossier, await SeeAsync(dossier, reader, db, authorization, ct));
    }

    /// <summary>Everything the dossier page shows, read once.</summary>
    public static async Task<Result<DossierSheet>?> SheetAsync(DossierNumber number, ClaimsPrincipal reader, MotCuaDb db, TimeProvider time, string culture,
        IAuthorizationService authorization, CancellationToken ct)
    {
        var sheet = await DossierSheetQuery.LoadAsync(number, db, time, culture, ct);
        return sheet is null ? null : new(sheet, sheet.Dossier, await SeeAsync(sheet.Dossier, reader, db, authorization, ct));
    }

    /// <summary>The applicant of a dossier the caller already holds (an answer to a step or a repeated intake), seen and audited by the same rule.</summary>
    public static Task<ApplicantView> ApplicantAsync(Dossier dossier, ClaimsPrincipal reader, MotCuaDb db, IAuthorizationService authorization, CancellationToken ct) =>
        SeeAsync(dossier, reader, db, authorization, ct);

    private static async Task<ApplicantView> SeeAsync(Dossier dossier, ClaimsPrincipal reader, MotCuaDb db, IAuthorizationService authorization, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(authorization);
        var full = (await authorization.AuthorizeAsync(reader, Policies.FullPersonalData)).Succeeded;
        if (full)
        {
            db.Audit(AuditActions.PersonalDataRead, nameof(Dossier), dossier.Id.ToString(), dossier.Number.ToString());
            await db.SaveChangesAsync(ct);
        }

        return ApplicantView.Of(dossier.Applicant, full);
    }
}

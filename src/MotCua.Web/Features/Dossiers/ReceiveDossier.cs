using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain;
using MotCua.Domain.Calendar;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Outreach;
using MotCua.Web.Data;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Platform;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// Receives a dossier: numbers it within its unit and receipt day, starts its legal clock and records the first step
/// of its history. A repeated client id returns the dossier already received (idempotent intake).
/// </summary>
public static class ReceiveDossier
{
    private const string SecretAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public sealed record Input(
        Guid ClientId,
        string UnitCode,
        string ProcedureCode,
        Applicant Applicant,
        Channel Channel,
        DateTimeOffset? RecordedAt,
        bool NeedsVerification,
        string ActorId,
        IReadOnlyList<string>? Papers = null,
        IReadOnlyList<Scan>? Scans = null,
        Guid? OutreachSessionId = null,
        PriorityGroup PriorityGroups = PriorityGroup.None);

    /// <summary>A scanned paper uploaded with the intake.</summary>
    public sealed record Scan(string FileName, byte[] Bytes);

    public sealed record Outcome(Dossier Dossier, bool Created);

    /// <summary>Validates the API request into an <see cref="Input"/>, reporting every malformed field at once.</summary>
    public static Input? Validate(ReceiveDossierRequest? request, string actorId, DateTimeOffset now, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (request is null)
        {
            errors.Add("body", "The dossier is required.");
            return null;
        }

        if (request.ClientId is not { } clientId || clientId == Guid.Empty)
        {
            errors.Add("clientId", "A client-generated id (UUID) is required, so that a repeated request cannot create a second dossier.");
        }

        if (string.IsNullOrWhiteSpace(request.Procedure) || !Procedure.IsValidCode(request.Procedure.Trim().ToUpperInvariant()))
        {
            errors.Add("procedure", "A procedure code is required (e.g. 1.001193).");
        }

        if (string.IsNullOrWhiteSpace(request.Unit) || !Domain.Units.UnitCodeFormat.IsValid(request.Unit.Trim()))
        {
            errors.Add("unit", "The receiving unit is not known: the account must belong to a commune.");
        }

        if (request.Channel is not { } channel || !Enum.IsDefined(channel))
        {
            errors.Add("channel", "The channel is required: counter, online, post, outreach or homeVisit.");
        }

        DateTimeOffset? recordedAt = null;
        if (request.ReceivedAt is not null)
        {
            if (QueryValues.TryParseInstant(request.ReceivedAt, out var at))
            {
                recordedAt = at;
            }
            else
            {
                errors.Add("receivedAt", "receivedAt must be an ISO 8601 instant with an offset, e.g. 2026-11-14T09:30:00+07:00.");
            }
        }

        var applicant = ValidateApplicant(request.Applicant, now, errors);
        if (errors.Any)
        {
            return null;
        }

        if (request.Papers is { Count: > 50 } || request.Papers?.Any(p => p is null || p.Length > 500) == true)
        {
            errors.Add("papers", "At most 50 papers, each named in at most 500 characters.");
            return null;
        }

        var groups = PriorityGroup.None;
        foreach (var g in request.PriorityGroups ?? [])
        {
            if (!Enum.IsDefined(g) || g == PriorityGroup.None)
            {
                errors.Add("priorityGroups", "Priority groups are elderly, disabled, socialProtection, cashWithoutBankAccount or pendingProcedure.");
                return null;
            }

            groups |= g;
        }

        return new Input(request.ClientId!.Value, request.Unit!.Trim(), request.Procedure!.Trim().ToUpperInvariant(), applicant!, request.Channel!.Value,
            recordedAt, request.NeedsVerification, actorId, request.Papers, null, request.OutreachSession, groups);
    }

    public static Applicant? ValidateApplicant(ApplicantRequest? a, DateTimeOffset now, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (a is null)
        {
            errors.Add("applicant", "The applicant is required.");
            return null;
        }

        if (!CitizenId.TryParse(a.CitizenId, out var id, out var idError))
        {
            errors.Add("applicant.citizenId", idError ?? "Invalid citizen ID.");
        }
        else if (id.BirthYear > WorkingCalendar.LocalDate(now).Year || id.BirthYear < WorkingCalendar.LocalDate(now).Year - 130)
        {
            errors.Add("applicant.citizenId", $"Digits 4–6 give a birth year of {id.BirthYear}, which is not possible.");
        }

        PhoneNumber? phone = null;
        if (!string.IsNullOrWhiteSpace(a.Phone))
        {
            if (PhoneNumber.TryParse(a.Phone, out var p))
            {
                phone = p;
            }
            else
            {
                errors.Add("applicant.phone", "The phone number must be a Vietnamese number: 0 followed by 9 or 10 digits, or +84.");
            }
        }

        if (errors.Any)
        {
            // Still check the name so that one response lists every field.
            errors.Try("applicant.fullName", () => new Applicant(CitizenId.Parse("001000000000"), a.FullName ?? string.Empty, null, a.Address, null));
            return null;
        }

        return errors.Try("applicant.fullName", () => a.Consent == true
            ? new Applicant(id, a.FullName ?? string.Empty, phone, a.Address, a.HamletId, PersonalDataBasis.Consent, now)
            : new Applicant(id, a.FullName ?? string.Empty, phone, a.Address, a.HamletId));
    }

    /// <param name="numbering">Where the number and lookup secret come from: the centre's counter (default), a field kit's reserved block, or a synced field dossier's own.</param>
    public static async Task<Outcome> ExecuteAsync(Input input, MotCuaDb db, TimeProvider time, CancellationToken ct, IntakeNumbering? numbering = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        numbering ??= IntakeNumbering.Centre;

        var existing = await FindByClientIdAsync(db, input.ClientId, ct);
        if (existing is not null)
        {
            return new Outcome(existing, false);
        }

        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == input.UnitCode, ct)
            ?? throw new DomainRuleException("dossier.unit-unknown", $"No unit has the code '{input.UnitCode}'.") { IsInvalidInput = true };
        var procedure = await db.Procedures.AsNoTracking().Include(p => p.Versions).SingleOrDefaultAsync(p => p.Code == input.ProcedureCode, ct)
            ?? throw new DomainRuleException("dossier.procedure-unknown", $"No procedure has the code '{input.ProcedureCode}'.") { IsInvalidInput = true };
        if (input.Applicant.HamletId is { } hamletId && !await db.Hamlets.AnyAsync(h => h.Id == hamletId && h.UnitId == unit.Id, ct))
        {
            throw new DomainRuleException("dossier.hamlet-unknown", "The hamlet is not one of the receiving unit's hamlets.") { IsInvalidInput = true };
        }

        var calendar = await db.LoadCalendarAsync(unit.Id, ct);
        var now = time.GetUtcNow();
        var day = WorkingCalendar.LocalDate(input.RecordedAt ?? now);
        if (input.OutreachSessionId is { } sessionId
            && !await db.OutreachSessions.AnyAsync(s => s.Id == sessionId && s.UnitId == unit.Id && s.Date == day && s.Status != SessionStatus.Cancelled, ct))
        {
            throw new DomainRuleException("dossier.session-unknown", "The outreach session is not one of this unit's sessions held on the day the papers were handed in.") { IsInvalidInput = true };
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var (sequence, secret) = await numbering.NumberAsync(db, unit.Id, day, ct);
            var dossier = Dossier.Receive(
                new DossierIntake(input.ClientId, unit.Id, new DossierNumber(unit.Code, day, sequence), procedure, input.Applicant, input.Channel,
                    secret, input.ActorId, input.RecordedAt, input.NeedsVerification, input.Papers, input.OutreachSessionId, input.PriorityGroups),
                now,
                calendar);
            if (dossier.TimeLimit.Kind == TimeLimitKind.None && input.Applicant.Basis != PersonalDataBasis.Consent)
            {
                // An assisted service (e.g. help opening a bank account) is not a procedure the law requires: it needs consent.
                throw new DomainRuleException("dossier.consent-required", "This assisted service needs the person's consent to record their data.");
            }

            db.Dossiers.Add(dossier);
            foreach (var scan in input.Scans ?? [])
            {
                var name = ScanFiles.CleanName(scan.FileName);
                var (type, hash) = ScanFiles.Check(name, scan.Bytes);
                var attachment = new Attachment(dossier.Id, unit.Id, name, type, scan.Bytes.Length, hash, now, input.ActorId);
                db.Attachments.Add(attachment);
                db.AttachmentContents.Add(new AttachmentContent { Id = attachment.Id, Bytes = scan.Bytes });
            }

            numbering.Receiving(db, dossier);
            await db.SaveChangesAsync(ct);
            numbering.BeforeCommit();
            await tx.CommitAsync(ct);
            return new Outcome(dossier, true);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // The same client id raced in on another request and won: answer with its dossier.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var winner = await FindByClientIdAsync(db, input.ClientId, ct);
            return winner is not null ? new Outcome(winner, false) : throw new DomainRuleException("dossier.conflict", "The dossier could not be numbered; try again.") { IsConflict = true };
        }
    }

    /// <summary>8 characters from an alphabet without look-alikes (no 0/O, 1/I): about 40 bits, typed from a paper slip.</summary>
    public static string NewLookupSecret() => RandomNumberGenerator.GetString(SecretAlphabet, 8);

    /// <summary>True for a secret <see cref="NewLookupSecret"/> could have made.</summary>
    public static bool IsLookupSecret(string? secret) => secret is { Length: 8 } && secret.All(c => SecretAlphabet.Contains(c, StringComparison.Ordinal));

    private static Task<Dossier?> FindByClientIdAsync(MotCuaDb db, Guid clientId, CancellationToken ct) =>
        db.Dossiers.Include(d => d.Events).AsSplitQuery().SingleOrDefaultAsync(d => d.ClientId == clientId, ct);
}

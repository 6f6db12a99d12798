using Microsoft.EntityFrameworkCore;
using MotCua.Domain;
using MotCua.Domain.Calendar;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Outreach;
using MotCua.Web.Data;
using MotCua.Web.Data.Calendar;
using MotCua.Web.Data.Dossiers;
using MotCua.Web.Platform;
using MotCua.Web.Platform.Uploads;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// Receives a dossier: numbers it within its unit and receipt day, starts its legal clock and records the first step
/// of its history, in one transaction with its scans, its audit rows and its Index 766 summaries (both written by
/// <see cref="MotCuaDb"/>'s save). A repeated client id returns the dossier already received (idempotent intake).
/// The counter page, <c>POST /api/dossiers</c> and a synced field dossier all come through here with typed input; the
/// <c>Read…</c> helpers turn what a person typed or a client sent into it, each error on its field with a code.
/// </summary>
public static class ReceiveDossier
{
    public const int MaxPapers = 50;

    public const int MaxPaperName = 500;

    /// <param name="RecordedAt">When the citizen handed the papers in, for dossiers received in the field; null means now.</param>
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

    /// <summary>
    /// Whether a dossier numbered by <paramref name="numbering"/> may come in through <paramref name="channel"/>: a
    /// dossier numbered in the field (on a field kit, or synced from one) is an outreach or home-visit dossier.
    /// </summary>
    public static bool Accepts(IntakeNumbering numbering, Channel channel)
    {
        ArgumentNullException.ThrowIfNull(numbering);
        return !numbering.InTheField || channel.AllowsFieldTimestamp();
    }

    /// <summary>The applicant as typed at the counter or sent by a client; null with every error added (codes <c>applicant.*</c>).</summary>
    public static Applicant? ReadApplicant(string? citizenId, string? fullName, string? phone, string? address, Guid? hamletId, bool consent, DateTimeOffset now, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!CitizenId.TryParse(citizenId, out var id, out var idError))
        {
            errors.Add("applicant.citizenId", idError ?? "Invalid citizen ID.", "applicant.citizen-id-invalid");
        }
        else if (id.BirthYear > WorkingCalendar.LocalDate(now).Year || id.BirthYear < WorkingCalendar.LocalDate(now).Year - 130)
        {
            errors.Add("applicant.citizenId", $"Digits 4–6 give a birth year of {id.BirthYear}, which is not possible.", "applicant.citizen-id-invalid");
        }

        PhoneNumber? parsedPhone = null;
        if (!string.IsNullOrWhiteSpace(phone))
        {
            if (PhoneNumber.TryParse(phone, out var p))
            {
                parsedPhone = p;
            }
            else
            {
                errors.Add("applicant.phone", "The phone number must be a Vietnamese number: 0 followed by 9 or 10 digits, or +84.", "applicant.phone-invalid");
            }
        }

        if (errors.Any)
        {
            // Still check the name so that one response lists every field.
            errors.Try("applicant.fullName", () => new Applicant(CitizenId.Parse("001000000000"), fullName ?? string.Empty, null, address, null));
            return null;
        }

        return errors.Try("applicant.fullName", () => consent
            ? new Applicant(id, fullName ?? string.Empty, parsedPhone, address, hamletId, PersonalDataBasis.Consent, now)
            : new Applicant(id, fullName ?? string.Empty, parsedPhone, address, hamletId));
    }

    /// <summary>A procedure code as the catalogue writes it (e.g. <c>1.001193</c>, <c>1.000948.H38</c>), or null with an error.</summary>
    public static string? ReadProcedure(string? code, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var normal = code?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(normal) || !Procedure.IsValidCode(normal))
        {
            errors.Add("procedure", "A procedure code is required (e.g. 1.001193).", "dossier.procedure-required");
            return null;
        }

        return normal;
    }

    /// <summary>The papers handed in, by their Vietnamese names in the catalogue (null: every required paper).</summary>
    public static void CheckPapers(IReadOnlyList<string?>? papers, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (papers is { Count: > MaxPapers } || papers?.Any(p => p is null || p.Length > MaxPaperName) == true)
        {
            errors.Add("papers", $"At most {MaxPapers} papers, each named in at most {MaxPaperName} characters.", "dossier.papers-too-many");
        }
    }

    /// <summary>The applicant's priority groups as the team noted them; none when the list is empty.</summary>
    public static PriorityGroup ReadPriorityGroups(IEnumerable<PriorityGroup>? groups, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var result = PriorityGroup.None;
        foreach (var g in groups ?? [])
        {
            if (!Enum.IsDefined(g) || g == PriorityGroup.None)
            {
                errors.Add("priorityGroups", "Priority groups are elderly, disabled, socialProtection, cashWithoutBankAccount or pendingProcedure.", "dossier.priority-group-invalid");
                return PriorityGroup.None;
            }

            result |= g;
        }

        return result;
    }

    /// <param name="numbering">Where the number and lookup secret come from: the centre's counter, a field kit's reserved block, or a synced field dossier's own.</param>
    public static async Task<Outcome> ExecuteAsync(Input input, MotCuaDb db, TimeProvider time, IntakeNumbering numbering, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(numbering);

        var existing = await FindByClientIdAsync(db, input.ClientId, ct);
        if (existing is not null)
        {
            return new Outcome(existing, false);
        }

        if (!Accepts(numbering, input.Channel))
        {
            throw new DomainRuleException("field.channel", "A dossier received in the field is an outreach or home-visit dossier.");
        }

        // Keyed in at the centre, a receipt time goes back a few days at most (IntakeRules); a field dossier is bounded by its number's day.
        if (!numbering.InTheField && input.RecordedAt is { } recorded && recorded < IntakeRules.EarliestReceipt(time.GetUtcNow()))
        {
            throw new DomainRuleException("dossier.received-at-too-early",
                $"A receipt time keyed in at the centre goes back at most {IntakeRules.MaxBackdateDays} days.", RuleKind.Invalid);
        }

        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == input.UnitCode, ct)
            ?? throw new DomainRuleException("dossier.unit-unknown", $"No unit has the code '{input.UnitCode}'.", RuleKind.Invalid);
        var procedure = await db.Procedures.AsNoTracking().Include(p => p.Versions).SingleOrDefaultAsync(p => p.Code == input.ProcedureCode, ct)
            ?? throw new DomainRuleException("dossier.procedure-unknown", $"No procedure has the code '{input.ProcedureCode}'.", RuleKind.Invalid);
        if (input.Applicant.HamletId is { } hamletId && !await db.Hamlets.AnyAsync(h => h.Id == hamletId && h.UnitId == unit.Id, ct))
        {
            throw new DomainRuleException("dossier.hamlet-unknown", "The hamlet is not one of the receiving unit's hamlets.", RuleKind.Invalid);
        }

        var calendar = await db.LoadCalendarAsync(unit.Id, ct);
        var now = time.GetUtcNow();
        var day = WorkingCalendar.LocalDate(input.RecordedAt ?? now);
        if (input.OutreachSessionId is { } sessionId
            && !await db.OutreachSessions.AnyAsync(s => s.Id == sessionId && s.UnitId == unit.Id && s.Date == day && s.Status != SessionStatus.Cancelled, ct))
        {
            throw new DomainRuleException("dossier.session-unknown", "The outreach session is not one of this unit's sessions held on the day the papers were handed in.", RuleKind.Invalid);
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
                var (type, hash) = ScanFiles.Check(ScanFiles.CleanName(scan.FileName), scan.Bytes);
                var name = ScanFiles.StoredName(scan.FileName, type);
                var attachment = new Attachment(dossier.Id, unit.Id, name, type, scan.Bytes.Length, hash, now, input.ActorId);
                db.Attachments.Add(attachment);
                db.AttachmentContents.Add(new AttachmentContent { Id = attachment.Id, Bytes = scan.Bytes });
            }

            numbering.Receiving(db, dossier);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new Outcome(dossier, true);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // The same client id raced in on another request and won: answer with its dossier.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var winner = await FindByClientIdAsync(db, input.ClientId, ct);
            return winner is not null ? new Outcome(winner, false) : throw new DomainRuleException("dossier.conflict", "The dossier could not be numbered; try again.", RuleKind.Conflict);
        }
    }

    private static Task<Dossier?> FindByClientIdAsync(MotCuaDb db, Guid clientId, CancellationToken ct) =>
        db.Dossiers.Include(d => d.Events).AsSplitQuery().SingleOrDefaultAsync(d => d.ClientId == clientId, ct);
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain;
using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Data.Audit;
using MotCua.Web.Data.Calendar;
using MotCua.Web.Data.Dossiers;
using MotCua.Web.Data.FieldSync;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Platform;
using MotCua.Web.Platform.Uploads;

namespace MotCua.Web.Features.FieldSync.Centre;

/// <summary>
/// Takes in a laptop's batch. Each item commits in its own transaction, so a cut connection or a crash loses at most
/// the item under way, which the laptop sends again. Every item is idempotent on its client id (a record of what was
/// done is written in the same transaction), a new dossier must carry a number from one of this device's blocks, and a
/// step on a dossier that changed at the centre since the kit becomes a conflict for a leader, never an overwrite.
/// </summary>
public static class SyncFieldBatch
{
    public sealed record Device(Guid Id, Guid UnitId, string UnitCode, string ActorId);

    /// <summary>The centre's clock minus the laptop's; zero when within <see cref="FieldSettings.SkewTolerance"/> (that is transmission delay).</summary>
    public static TimeSpan Skew(DateTimeOffset serverNow, DateTimeOffset sentAt, FieldSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var skew = serverNow - sentAt;
        return skew.Duration() <= settings.SkewTolerance ? TimeSpan.Zero : skew;
    }

    /// <summary>
    /// The hand-in time the centre records: the laptop's time corrected by the skew, then kept within the day the
    /// number was issued for and never after the centre's now. Null when the whole day lies ahead (a laptop clock
    /// that ran past midnight): the item can be sent again once that day has come.
    /// </summary>
    public static DateTimeOffset? Corrected(DateTimeOffset fieldAt, TimeSpan skew, DateOnly numberDay, DateTimeOffset now)
    {
        var start = WorkingCalendar.At(numberDay, TimeOnly.MinValue);
        if (start > now)
        {
            return null;
        }

        var end = WorkingCalendar.At(numberDay.AddDays(1), TimeOnly.MinValue).AddTicks(-TimeSpan.TicksPerSecond);
        var latest = end < now ? end : now;
        var at = fieldAt + skew;
        return at < start ? start : at > latest ? latest : at;
    }

    public static async Task<FieldSyncResponse> ExecuteAsync(Device device, DateTimeOffset sentAt, IReadOnlyList<FieldSyncItem> items, MotCuaDb db, TimeProvider time,
        FieldSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(settings);
        var now = time.GetUtcNow();
        var skew = Skew(now, sentAt, settings);

        var known = await db.FieldDevices.SingleAsync(d => d.Id == device.Id, ct);
        known.Seen(now);
        db.Audit(AuditActions.FieldSync, nameof(FieldDevice), device.Id.ToString(),
            $"{items.Count} items sent at {sentAt:O} (laptop clock); skew applied {skew.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s");
        await FieldWriteGate.RunAsync(db, () => db.SaveChangesAsync(ct), ct);

        var results = new List<FieldItemResult>(items.Count);
        foreach (var item in items)
        {
            db.ChangeTracker.Clear();
            results.Add(await FieldWriteGate.RunAsync(db, () => ProcessAsync(device, item, skew, db, time, ct), ct));
        }

        db.ChangeTracker.Clear();
        return new FieldSyncResponse(now, skew.TotalSeconds, results);
    }

    private static async Task<FieldItemResult> ProcessAsync(Device device, FieldSyncItem item, TimeSpan skew, MotCuaDb db, TimeProvider time, CancellationToken ct)
    {
        var clientId = item.ClientId!.Value;
        var earlier = await AnswerFromRecordAsync(device, clientId, db, ct);
        if (earlier is not null)
        {
            return earlier;
        }

        if (item.ReceivedBy is { } by && (by.Length > 64 || by.Any(char.IsControl)))
        {
            return Invalid(clientId, "receivedBy", "receivedBy is the id of the staff account that did the work (at most 64 characters).");
        }

        try
        {
            return item.Kind == FieldItemKind.Transition
                ? await StepAsync(device, item, skew, db, time, ct)
                : await ReceiveAsync(device, item, skew, db, time, ct);
        }
        catch (DomainRuleException ex)
        {
            db.ChangeTracker.Clear();
            return Rejected(clientId, ex.Kind, ex.Code, ex.Message, retriable: false);
        }
        catch (DbUpdateException ex)
        {
            // A second delivery of the same item racing the first loses on the client id: answer as the first did.
            db.ChangeTracker.Clear();
            return await AnswerFromRecordAsync(device, clientId, db, ct)
                ?? Rejected(clientId, RuleKind.Conflict, "field.retry", DbErrors.IsUniqueViolation(ex) ? "The item collided with another change; send it again." : "The item could not be saved; send it again.", retriable: true);
        }
    }

    private static async Task<FieldItemResult?> AnswerFromRecordAsync(Device device, Guid clientId, MotCuaDb db, CancellationToken ct)
    {
        var record = await db.FieldSyncRecords.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(r => r.ClientId == clientId, ct);
        if (record is null)
        {
            return null;
        }

        if (record.DeviceId != device.Id)
        {
            return Rejected(clientId, RuleKind.Conflict, "field.client-id-taken", "Another device already used this client id.", retriable: false);
        }

        var due = record.DossierId is { } id ? await db.Dossiers.AsNoTracking().Where(d => d.Id == id).Select(d => d.OriginalDueAt).SingleOrDefaultAsync(ct) : null;
        return new FieldItemResult(clientId, FieldItemOutcome.AlreadySynced, record.Number, Local(record.CorrectedAt), Local(due), record.ConflictId);
    }

    private static async Task<FieldItemResult> ReceiveAsync(Device device, FieldSyncItem item, TimeSpan skew, MotCuaDb db, TimeProvider time, CancellationToken ct)
    {
        var clientId = item.ClientId!.Value;
        var now = time.GetUtcNow();
        if (!DossierNumber.TryParse(item.Number, out var number) || number.UnitCode != device.UnitCode)
        {
            return Rejected(clientId, RuleKind.Forbidden, "field.number-not-reserved", $"'{item.Number}' is not a dossier number of {device.UnitCode}.", retriable: false);
        }

        var sequence = number.Sequence;
        if (!await db.FieldNumberBlocks.AnyAsync(b => b.DeviceId == device.Id && b.Day == number.Date && b.First <= sequence && sequence < b.First + b.Count, ct))
        {
            return Rejected(clientId, RuleKind.Forbidden, "field.number-not-reserved", $"{number} is not in a block of numbers reserved for this device.", retriable: false);
        }

        if (!LookupSecret.IsWellFormed(item.LookupSecret))
        {
            return Invalid(clientId, "lookupSecret", "The lookup secret printed on the receipt is 8 characters from A–Z and 2–9 without look-alikes.");
        }

        if (!QueryValues.TryParseInstant(item.ReceivedAt, out var fieldAt))
        {
            return Invalid(clientId, "receivedAt", "receivedAt is the laptop's ISO 8601 instant with an offset.");
        }

        var existing = await db.Dossiers.IgnoreQueryFilters().AsNoTracking().Where(d => d.Number == number).Select(d => (Guid?)d.ClientId).SingleOrDefaultAsync(ct);
        if (existing is not null)
        {
            return Rejected(clientId, RuleKind.Conflict, "field.number-taken", $"{number} already belongs to another dossier: this laptop used it twice.", retriable: false);
        }

        if (Corrected(fieldAt, skew, number.Date, now) is not { } at)
        {
            return Rejected(clientId, RuleKind.Forbidden, "field.number-day-ahead", $"{number} is for {number.Date:yyyy-MM-dd}, which has not begun at the centre; the laptop's clock is ahead.", retriable: true);
        }

        var refs = item.Attachments ?? [];
        var errors = new ValidationErrors();
        for (var i = 0; i < refs.Count; i++)
        {
            var r = refs[i];
            if (r?.Id is not { } id || id == Guid.Empty || r.Sha256 is not { Length: 64 } || !r.Sha256.All(Uri.IsHexDigit) || r.Size is not (> 0 and <= Attachment.MaxBytes))
            {
                errors.Add($"attachments[{i}]", "Each attachment needs its id, the hex SHA-256 of the whole file and its size (at most 10 MB).");
            }
        }

        if (refs.Select(r => r?.Id).Distinct().Count() != refs.Count)
        {
            errors.Add("attachments", "An attachment is listed twice.");
        }

        if (errors.Any)
        {
            return Invalid(clientId, errors);
        }

        var ids = refs.Select(r => r!.Id!.Value).ToList();
        var uploads = await db.FieldUploads.Where(u => ids.Contains(u.Id) && u.DeviceId == device.Id).ToListAsync(ct);
        var missing = refs.Where(r => uploads.SingleOrDefault(u => u.Id == r!.Id) is not { IsComplete: true } u || !string.Equals(u.Sha256, r!.Sha256, StringComparison.OrdinalIgnoreCase) || u.Size != r.Size).ToList();
        if (missing.Count > 0)
        {
            var mismatch = missing.Where(r => uploads.Any(u => u.Id == r!.Id && u.IsComplete)).ToList();
            return mismatch.Count > 0
                ? Rejected(clientId, RuleKind.Forbidden, "field.attachment-mismatch", $"The file uploaded as {mismatch[0]!.Id} is not the one this dossier lists (hash or size differ).", retriable: false)
                : Rejected(clientId, RuleKind.Conflict, "field.attachments-incomplete",
                    $"{missing.Count} of the dossier's {refs.Count} scans have not finished uploading: {string.Join(", ", missing.Select(m => m!.Id))}. Upload them and send the dossier again.", retriable: true);
        }

        if (await ActorAsync(item.ReceivedBy, device, at, db, ct) is not { } actor)
        {
            return NotAMember(clientId);
        }

        var fields = new ValidationErrors();
        var procedure = ReceiveDossier.ReadProcedure(item.Procedure, fields);
        if (item.Channel is not { } channel || !Enum.IsDefined(channel))
        {
            fields.Add("channel", "The channel is required: outreach or homeVisit.", "dossier.channel-required");
            channel = default;
        }

        var a = item.Applicant;
        if (a is null)
        {
            fields.Add("applicant", "The applicant is required.");
        }

        var applicant = a is null ? null : ReceiveDossier.ReadApplicant(a.CitizenId, a.FullName, a.Phone, a.Address, a.HamletId, a.Consent == true, now, fields);
        ReceiveDossier.CheckPapers(item.Papers, fields);
        var groups = ReceiveDossier.ReadPriorityGroups(item.PriorityGroups, fields);
        if (fields.Any)
        {
            return Invalid(clientId, fields);
        }

        var input = new ReceiveDossier.Input(clientId, device.UnitCode, procedure!, applicant!, channel, at, item.NeedsVerification, actor, item.Papers, null, item.OutreachSession, groups);
        var numbering = new SyncedNumbering(device, clientId, number, item.LookupSecret!, fieldAt, at, uploads, refs, actor, now);
        var outcome = await ReceiveDossier.ExecuteAsync(input, db, time, numbering, ct);
        if (!outcome.Created)
        {
            return await AnswerFromRecordAsync(device, clientId, db, ct)
                ?? Rejected(clientId, RuleKind.Conflict, "field.client-id-taken", "A dossier received at the counter already has this client id.", retriable: false);
        }

        var d = outcome.Dossier;
        return new FieldItemResult(clientId, FieldItemOutcome.Created, d.Number.ToString(), Local(d.ReceivedAt), Local(d.OriginalDueAt));
    }

    private static async Task<FieldItemResult> StepAsync(Device device, FieldSyncItem item, TimeSpan skew, MotCuaDb db, TimeProvider time, CancellationToken ct)
    {
        var clientId = item.ClientId!.Value;
        var now = time.GetUtcNow();
        if (item.Action is not (DossierAction.SupplementReceived or DossierAction.ReturnResult))
        {
            return Invalid(clientId, "action", "In the field a team records supplementReceived or returnResult on a dossier from its kit.");
        }

        if (item.BaseVersion is not (>= 1))
        {
            return Invalid(clientId, "baseVersion", "The dossier version the kit carried is required.");
        }

        if (!QueryValues.TryParseInstant(item.ReceivedAt, out var fieldAt))
        {
            return Invalid(clientId, "receivedAt", "receivedAt is the laptop's ISO 8601 instant with an offset.");
        }

        if (!DossierNumber.TryParse(item.Number, out var number))
        {
            return Rejected(clientId, RuleKind.NotFound, "not-found", $"No dossier has the number '{item.Number}'.", retriable: false);
        }

        var dossier = await db.Dossiers.Include(d => d.Events).AsSplitQuery().SingleOrDefaultAsync(d => d.Number == number, ct);
        if (dossier is null)
        {
            return Rejected(clientId, RuleKind.NotFound, "not-found", $"No dossier of this unit has the number {number}.", retriable: false);
        }

        // A laptop acts only on dossiers its own kit carried, never on the rest of its unit's.
        if (!await db.FieldKitExports.AnyAsync(e => e.DeviceId == device.Id && e.DossierId == dossier.Id, ct))
        {
            return Rejected(clientId, RuleKind.Forbidden, "field.not-in-kit", $"{number} was not in this laptop's kit.", retriable: false);
        }

        var last = dossier.Events.Count > 0 ? dossier.Events.Max(e => e.At) : dossier.RegisteredAt;
        var at = fieldAt + skew;
        at = at > now ? now : at < last ? last : at;
        if (await ActorAsync(item.ReceivedBy, device, at, db, ct) is not { } actor)
        {
            return NotAMember(clientId);
        }

        var reason = string.IsNullOrWhiteSpace(item.Reason) ? null : item.Reason.Trim();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        FieldItemResult result;
        if (dossier.Version != item.BaseVersion)
        {
            var conflict = new SyncConflict(device.UnitId, device.Id, clientId, dossier.Id, dossier.Number, item.Action.Value, reason, at, actor,
                item.BaseVersion.Value, dossier.Version, dossier.Status, now);
            db.SyncConflicts.Add(conflict);
            db.FieldSyncRecords.Add(new FieldSyncRecord(clientId, device.Id, device.UnitId, FieldItemKind.Transition, FieldItemOutcome.Conflict, dossier.Id, number.ToString(), now, fieldAt, at, conflict.Id));
            result = new FieldItemResult(clientId, FieldItemOutcome.Conflict, number.ToString(), Local(at), Local(dossier.OriginalDueAt), conflict.Id);
        }
        else
        {
            var calendar = await db.LoadCalendarAsync(dossier.UnitId, ct);
            dossier.Apply(new DossierCommand(item.Action.Value, dossier.Version, actor, reason), at, calendar);
            db.FieldSyncRecords.Add(new FieldSyncRecord(clientId, device.Id, device.UnitId, FieldItemKind.Transition, FieldItemOutcome.Created, dossier.Id, number.ToString(), now, fieldAt, at, null));
            result = new FieldItemResult(clientId, FieldItemOutcome.Created, number.ToString(), Local(at), Local(dossier.OriginalDueAt));
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return result;
    }

    /// <summary>
    /// In whose name the laptop did the work: a member of its team who held an offline PIN for this laptop when the work
    /// was done (the only people who could sign in on it); the device itself when the item names nobody; null (refused)
    /// when it names anyone else, such as a leader who never held the laptop.
    /// </summary>
    private static async Task<string?> ActorAsync(string? receivedBy, Device device, DateTimeOffset at, MotCuaDb db, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(receivedBy))
        {
            return device.ActorId;
        }

        var credential = await db.FieldCredentials.AsNoTracking().SingleOrDefaultAsync(c => c.DeviceId == device.Id && c.UserId == receivedBy, ct);
        return credential is not null && credential.ValidAt(at) ? receivedBy : null;
    }

    private static FieldItemResult NotAMember(Guid clientId) =>
        Rejected(clientId, RuleKind.Forbidden, "field.actor-not-member", "The person named did not hold an offline PIN for this laptop when the work was done.", retriable: false);

    private static DateTimeOffset? Local(DateTimeOffset? at) => at is { } a ? WorkingCalendar.ToLocal(a) : null;

    private static FieldItemResult Rejected(Guid clientId, RuleKind kind, string code, string detail, bool retriable, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        var (status, title) = Problems.Of(kind);
        return new(clientId, FieldItemOutcome.Rejected, Retriable: retriable, Problem: new FieldProblem(Problems.TypeOf(code), title, status, detail, code, errors));
    }

    private static FieldItemResult Invalid(Guid clientId, string field, string message) =>
        Rejected(clientId, RuleKind.Invalid, "validation", message, retriable: false, new Dictionary<string, string[]> { [field] = [message] });

    private static FieldItemResult Invalid(Guid clientId, ValidationErrors errors) =>
        Rejected(clientId, RuleKind.Invalid, "validation", errors.ToString(), retriable: false, errors.ToDictionary());

    /// <summary>A synced field dossier keeps the number and secret printed on its receipt; its scans and the sync record go in with it.</summary>
    private sealed class SyncedNumbering(Device device, Guid clientId, DossierNumber number, string secret, DateTimeOffset fieldAt, DateTimeOffset correctedAt,
        IReadOnlyList<FieldUpload> uploads, IReadOnlyList<FieldAttachmentRef?> refs, string actor, DateTimeOffset now) : IntakeNumbering
    {
        public override bool InTheField => true;

        public override Task<(int Sequence, string LookupSecret)> NumberAsync(MotCuaDb db, Guid unitId, DateOnly day, CancellationToken ct) =>
            day == number.Date && unitId == device.UnitId
                ? Task.FromResult((number.Sequence, secret))
                : throw new DomainRuleException("dossier.number-date-mismatch", "The dossier number's date must be the receipt date.");

        public override void Receiving(MotCuaDb db, Dossier dossier)
        {
            foreach (var upload in uploads)
            {
                var r = refs.Single(x => x!.Id == upload.Id)!;
                var type = upload.ContentType ?? "application/octet-stream";
                db.Attachments.Add(new Attachment(dossier.Id, device.UnitId, ScanFiles.StoredName(r.FileName, type), type,
                    upload.Size, upload.Sha256, now, actor, upload.Id));
                db.FieldUploads.Remove(upload);
            }

            db.FieldSyncRecords.Add(new FieldSyncRecord(clientId, device.Id, device.UnitId, FieldItemKind.Dossier, FieldItemOutcome.Created, dossier.Id, number.ToString(), now, fieldAt, correctedAt, null));
        }
    }
}

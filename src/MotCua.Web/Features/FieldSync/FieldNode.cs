using Microsoft.EntityFrameworkCore;
using MotCua.Domain;
using MotCua.Domain.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.FieldSync;

/// <summary>Services of the two roles of the one host: a centre takes field batches, a field kit numbers from its blocks and syncs.</summary>
public static class FieldServices
{
    public static IServiceCollection AddFieldSync(this IServiceCollection services, FieldSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.IsFieldNode)
        {
            services.AddSingleton(IntakeNumbering.Centre);
            return services;
        }

        services.AddSingleton<IntakeNumbering, FieldBlockNumbering>();
        services.AddHttpClient<FieldServerClient>(FieldServerClient.Name, c =>
        {
            c.BaseAddress = settings.Server;
            c.Timeout = TimeSpan.FromSeconds(100);
        });
        services.AddSingleton<FieldSyncRunner>();
        return services;
    }
}

/// <summary>
/// Intake on a field kit: the next unused number of a block the centre reserved for this laptop and day, a lookup
/// secret made here, and an outbox entry written in the same transaction as the dossier.
/// </summary>
public sealed class FieldBlockNumbering(TimeProvider time) : IntakeNumbering
{
    public override async Task<(int Sequence, string LookupSecret)> NumberAsync(MotCuaDb db, Guid unitId, DateOnly day, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var taken = await db.Database.SqlQuery<int>($"""
            UPDATE "FieldKitBlocks" SET "Used" = "Used" + 1
            WHERE "Id" = (SELECT "Id" FROM "FieldKitBlocks" WHERE "UnitId" = {unitId} AND "Day" = {day} AND "Used" < "Count" ORDER BY "First" LIMIT 1)
            RETURNING "First" + "Used" - 1 AS "Value"
            """).ToListAsync(ct);
        if (taken.Count == 0)
        {
            throw new DomainRuleException("field.no-numbers",
                $"This laptop holds no unused dossier number for {day:dd/MM/yyyy}. Download the kit for that day while connected, or receive the dossier at the centre.");
        }

        return (taken[0], ReceiveDossier.NewLookupSecret());
    }

    public override void Receiving(MotCuaDb db, Dossier dossier)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(dossier);
        db.FieldOutbox.Add(new FieldOutboxItem
        {
            ClientId = dossier.ClientId,
            UnitId = dossier.UnitId,
            Kind = FieldItemKind.Dossier,
            DossierId = dossier.Id,
            Number = dossier.Number.ToString(),
            Day = dossier.Number.Date,
            CreatedAt = time.GetUtcNow(),
            ActorId = dossier.ReceivedBy,
            PrintedDueAt = dossier.OriginalDueAt,
            Label = $"{dossier.ProcedureCode} · {dossier.Applicant.MaskedName}",
        });
    }
}

/// <summary>Steps a field team records on a dossier the kit brought (papers collected, result handed back).</summary>
public static class RecordFieldStep
{
    public static async Task ExecuteAsync(string number, DossierAction action, string? reason, string actorId, MotCuaDb db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var dossier = await db.FieldKitDossiers.SingleOrDefaultAsync(d => d.Number == number, ct)
            ?? throw new DomainRuleException("not-found", "This dossier is not in the laptop's kit.") { IsInvalidInput = true };
        var allowed = dossier.Status switch
        {
            DossierStatus.SupplementRequested => DossierAction.SupplementReceived,
            DossierStatus.Processed => DossierAction.ReturnResult,
            _ => (DossierAction?)null,
        };
        if (allowed != action)
        {
            throw new DomainRuleException("dossier.transition-forbidden", $"A dossier that is {dossier.Status} cannot be given the action {action}.");
        }

        if (dossier.RecordedAction is not null)
        {
            throw new DomainRuleException("field.step-recorded", "This step is already recorded and waits to be sent to the centre.");
        }

        var text = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (text?.Length > Dossier.MaxReasonLength || text?.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) == true)
        {
            throw new DomainRuleException("dossier.reason-invalid", $"The note is at most {Dossier.MaxReasonLength} characters, without control characters.") { IsInvalidInput = true };
        }

        var now = time.GetUtcNow();
        dossier.RecordedAction = action;
        db.FieldOutbox.Add(new FieldOutboxItem
        {
            ClientId = Guid.NewGuid(),
            UnitId = dossier.UnitId,
            Kind = FieldItemKind.Transition,
            Number = dossier.Number,
            Day = Domain.Calendar.WorkingCalendar.LocalDate(now),
            CreatedAt = now,
            Action = action,
            BaseVersion = dossier.Version,
            At = now,
            Reason = text,
            ActorId = actorId,
            Label = $"{dossier.ProcedureCode} · {Applicant.MaskName(dossier.ApplicantName)}",
        });
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>
/// Removes personal data from the laptop once it is no longer needed: for every day that has passed and whose work the
/// centre has confirmed entirely, the dossiers received that day (with their scans) and the kit's dossiers for that
/// day's sessions. Anything not yet confirmed stays, whatever its age.
/// </summary>
public static class FieldWipe
{
    public sealed record Result(int Dossiers, int KitDossiers);

    public static async Task<Result> ExecuteAsync(MotCuaDb db, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var open = await db.FieldOutbox.Where(o => o.State == OutboxState.Pending || o.State == OutboxState.Rejected).Select(o => o.Day).Distinct().ToListAsync(ct);
        var openNumbers = await db.FieldOutbox.Where(o => o.State == OutboxState.Pending || o.State == OutboxState.Rejected).Select(o => o.Number).ToListAsync(ct);
        var done = await db.FieldOutbox.Where(o => o.Day < today && (o.State == OutboxState.Synced || o.State == OutboxState.Conflict)).ToListAsync(ct);
        done = [.. done.Where(o => !open.Contains(o.Day))];
        var dossierIds = done.Where(o => o.DossierId is not null).Select(o => o.DossierId!.Value).ToList();
        var dossiers = await db.Dossiers.Where(d => dossierIds.Contains(d.Id)).ToListAsync(ct);
        var attachments = await db.Attachments.Where(a => dossierIds.Contains(a.DossierId)).Select(a => a.Id).ToListAsync(ct);
        var contents = await db.AttachmentContents.Where(c => attachments.Contains(c.Id)).ToListAsync(ct);
        var kit = await db.FieldKitDossiers.Where(d => d.SessionDay < today).ToListAsync(ct);
        kit = [.. kit.Where(d => !openNumbers.Contains(d.Number) && !open.Contains(d.SessionDay))];
        if (done.Count == 0 && kit.Count == 0)
        {
            return new Result(0, 0);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.AttachmentContents.RemoveRange(contents);
        db.Dossiers.RemoveRange(dossiers);
        db.FieldOutbox.RemoveRange(done);
        db.FieldKitDossiers.RemoveRange(kit);
        db.Audit("field.wipe", nameof(FieldNodeState), null, $"personal data removed: {dossiers.Count} dossiers received before {today:yyyy-MM-dd} and confirmed by the centre, {kit.Count} kit dossiers");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (!db.IsPostgres)
        {
            // Deleted pages are zeroed (secure_delete) but the write-ahead log still holds old copies until a checkpoint.
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);
        }

        return new Result(dossiers.Count, kit.Count);
    }
}

/// <summary>Enrolment as the laptop sees it: the centre's answer becomes the node's state.</summary>
public static class EnrolFieldNode
{
    public static async Task ExecuteAsync(string code, string name, FieldServerClient client, FieldSettings settings, MotCuaDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(db);
        if (await db.FieldNodeStates.AnyAsync(ct))
        {
            throw new DomainRuleException("field.enrolled", "This laptop is already enrolled.");
        }

        var enrolled = await client.EnrolAsync(code, name, ct);
        db.FieldNodeStates.Add(new FieldNodeState
        {
            Server = settings.Server!.ToString(),
            DeviceId = enrolled.DeviceId,
            DeviceSecret = enrolled.Secret,
            DeviceName = name.Trim(),
            UnitId = enrolled.UnitId,
            UnitCode = enrolled.Unit,
            UnitName = enrolled.UnitName,
            TeamId = enrolled.TeamId,
            TeamName = enrolled.TeamName,
            EnrolledAt = enrolled.ServerTime,
        });
        db.Audit("field.enrolled", nameof(FieldNodeState), enrolled.DeviceId.ToString(), $"enrolled with {settings.Server} for {enrolled.Unit}");
        await db.SaveChangesAsync(ct);
    }
}

using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Outreach;
using MotCua.Web.Data;
using MotCua.Web.Data.Dossiers;
using MotCua.Web.Data.FieldSync;

namespace MotCua.Web.Features.FieldSync.Laptop;

/// <summary>
/// Sends the outbox to the centre, one run at a time, in the background. A run first asks what the centre already
/// holds (so a laptop that died after the centre committed does not send again), then for each batch uploads the
/// scans the centre lacks, resuming where it stopped, and sends the batch; the answers are recorded in one local
/// transaction per batch. A centre that cannot be reached is tried again a few times; nothing leaves the outbox
/// until the centre has confirmed it. When the run ends, personal data no longer needed is wiped.
/// </summary>
public sealed class FieldSyncRunner(IServiceScopeFactory scopes, FieldSettings settings, TimeProvider time, ILogger<FieldSyncRunner> logger)
{
    private readonly Lock _gate = new();
    private SyncProgress _progress = SyncProgress.Idle;
    private Task _current = Task.CompletedTask;
    public SyncProgress Progress
    {
        get
        {
            lock (_gate)
            {
                return _progress;
            }
        }
    }

    /// <summary>The run under way, or the last one.</summary>
    public Task Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>Starts a run unless one is under way. Returns false when one already is.</summary>
    public bool TryStart(string actor)
    {
        lock (_gate)
        {
            if (_progress.Running)
            {
                return false;
            }

            _progress = new SyncProgress(true, 0, 0, 0, 0, null, time.GetUtcNow(), null);
            _current = Task.Run(() => RunAsync(actor));
            return true;
        }
    }

    private void Update(Func<SyncProgress, SyncProgress> change)
    {
        lock (_gate)
        {
            _progress = change(_progress);
        }
    }

    private async Task RunAsync(string actor)
    {
        string? error = null;
        string? kind = null;
        for (var attempt = 1; attempt <= settings.Attempts; attempt++)
        {
            try
            {
                await RunOnceAsync(actor, CancellationToken.None);
                error = kind = null;
                break;
            }
            catch (FieldServerException ex) when (ex.Unreachable)
            {
                error = ex.Message;
                kind = "unreachable";
                Update(p => p with { Error = ex.Message });
                logger.LogWarning("Sync attempt {Attempt} failed: {Message}", attempt, ex.Message);
                if (attempt < settings.Attempts)
                {
                    await Task.Delay(TimeSpan.FromSeconds(Math.Min(8, 1 << (attempt - 1))));
                }
            }
            catch (Exception ex) when (ex is FieldServerException or Domain.DomainRuleException or DbUpdateException)
            {
                error = ex.Message;
                kind = ex is FieldServerException { Status: 401 } ? "revoked" : "failed";
                logger.LogWarning(ex, "Sync stopped: {Message}", ex.Message);
                break;
            }
#pragma warning disable CA1031 // A background run must record any failure for the page instead of dying unobserved.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                error = ex.Message;
                kind = "failed";
                logger.LogError(ex, "Sync failed");
                break;
            }
        }

        try
        {
            using var scope = scopes.CreateScope();
            scope.ServiceProvider.GetRequiredService<CallerContext>().UseSystem(actor);
            var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
            if (error is null && await db.FieldNodeStates.SingleOrDefaultAsync() is { } state)
            {
                state.LastSyncAt = time.GetUtcNow();
                await db.SaveChangesAsync();
            }

            await FieldWipe.ExecuteAsync(db, WorkingCalendar.LocalDate(time.GetUtcNow()), CancellationToken.None);
        }
#pragma warning disable CA1031 // The wipe runs again after the next sync; its failure must not hide the sync's outcome.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "Wiping personal data after sync failed");
        }

        Update(p => p with { Running = false, Error = error, ErrorKind = kind, FinishedAt = time.GetUtcNow() });
    }

    private async Task RunOnceAsync(string actor, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<CallerContext>().UseSystem(actor);
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
        var client = scope.ServiceProvider.GetRequiredService<FieldServerClient>();
        var state = await db.FieldNodeStates.AsNoTracking().SingleOrDefaultAsync(ct)
            ?? throw new Domain.DomainRuleException("field.not-enrolled", "This laptop is not enrolled with a centre yet.");

        var pending = await db.FieldOutbox.AsNoTracking().Where(o => o.State == OutboxState.Pending).OrderBy(o => o.CreatedAt).ThenBy(o => o.Number).ToListAsync(ct);
        var localIds = pending.Where(o => o.DossierId is not null).Select(o => o.DossierId!.Value).ToList();
        var bytes = localIds.Count == 0 ? 0 : await db.Attachments.Where(a => localIds.Contains(a.DossierId)).SumAsync(a => a.Size, ct);
        Update(p => p with { Total = pending.Count, Done = 0, Bytes = bytes, BytesSent = 0, Error = null });
        if (pending.Count == 0)
        {
            return;
        }

        // What the centre already holds: the laptop may have died after the centre committed and before it recorded that.
        var done = 0;
        foreach (var ids in pending.Select(o => o.ClientId).Chunk(FieldWire.MaxStatusIds))
        {
            var status = await client.StatusAsync(state, new FieldStatusRequest(ids, []), ct);
            var known = status.Items.Select(i => new FieldItemResult(i.ClientId, FieldItemOutcome.AlreadySynced, i.Number, i.ReceivedAt, i.DueAt, i.ConflictId)).ToList();
            await RecordAsync(db, known, status.Items.Where(i => i.Outcome == FieldItemOutcome.Conflict).Select(i => i.ClientId).ToHashSet(), ct);
            done += known.Count;
            pending.RemoveAll(o => status.Items.Any(i => i.ClientId == o.ClientId));
        }

        Update(p => p with { Done = done });

        // Batch n's scans upload while batch n-1 is being taken in at the centre: the disk and the network stay busy.
        var batches = pending.Chunk(settings.BatchSize).ToList();
        Task uploading = Task.CompletedTask;
        List<FieldSyncItem>? next = null;
        for (var i = 0; i < batches.Count; i++)
        {
            List<FieldSyncItem> items;
            if (next is null)
            {
                var (first, scans) = await BuildAsync(db, batches[i], ct);
                await UploadAsync(client, state, scans, ct);
                items = first;
            }
            else
            {
                await uploading;
                items = next;
            }

            next = null;
            if (i + 1 < batches.Count)
            {
                var (following, scans) = await BuildAsync(db, batches[i + 1], ct);
                next = following;
                uploading = UploadAsync(client, state, scans, ct);
            }

            FieldSyncResponse response;
            try
            {
                response = await client.SyncAsync(state, new FieldSyncRequest(FieldWire.Instant(time.GetUtcNow()), items), ct);
            }
            catch
            {
                await uploading.ContinueWith(_ => { }, TaskScheduler.Default);
                throw;
            }

            await RecordAsync(db, response.Items, [], ct);
            done += batches[i].Length;
            Update(p => p with { Done = done });
        }
    }

    /// <summary>The batch's items as the centre takes them, and the scans they need there first.</summary>
    private static async Task<(List<FieldSyncItem> Items, List<Attachment> Scans)> BuildAsync(MotCuaDb db, FieldOutboxItem[] batch, CancellationToken ct)
    {
        var items = new List<FieldSyncItem>(batch.Length);
        var attachments = new List<Attachment>();
        var ids = batch.Where(o => o.DossierId is not null).Select(o => o.DossierId!.Value).ToList();
        var dossiers = await db.Dossiers.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var scans = (await db.Attachments.AsNoTracking().Where(a => ids.Contains(a.DossierId)).ToListAsync(ct))
            .GroupBy(a => a.DossierId).ToDictionary(g => g.Key, g => g.OrderBy(a => a.UploadedAt).ThenBy(a => a.FileName, StringComparer.Ordinal).ToList());
        foreach (var o in batch)
        {
            if (o.Kind == FieldItemKind.Transition)
            {
                items.Add(new FieldSyncItem(o.ClientId, FieldItemKind.Transition, o.Number, ReceivedAt: FieldWire.Instant(o.At ?? o.CreatedAt), BaseVersion: o.BaseVersion,
                    ReceivedBy: o.ActorId, Action: o.Action, Reason: o.Reason));
                continue;
            }

            var d = dossiers[o.DossierId!.Value];
            var own = scans.GetValueOrDefault(d.Id) ?? [];
            attachments.AddRange(own);
            items.Add(ItemOf(d, own));
        }

        return (items, attachments);
    }

    private async Task UploadAsync(FieldServerClient client, FieldNodeState state, List<Attachment> attachments, CancellationToken ct)
    {
        if (attachments.Count == 0)
        {
            return;
        }

        // No status call first: every answer says how many bytes the centre holds, so a chunk it already has is skipped
        // there and the next one starts where it stopped; a file it holds whole answers complete at once.
        await Parallel.ForEachAsync(attachments, new ParallelOptions { MaxDegreeOfParallelism = settings.UploadConcurrency, CancellationToken = ct }, async (a, token) =>
        {
            byte[] bytes;
            using (var scope = scopes.CreateScope())
            {
                scope.ServiceProvider.GetRequiredService<CallerContext>().UseSystem("field-sync");
                var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
                bytes = await db.AttachmentContents.AsNoTracking().Where(c => c.Id == a.Id).Select(c => c.Bytes).SingleAsync(token);
            }

            var digest = FieldWire.Digest(Convert.FromHexString(a.Sha256));
            long offset = 0;
            var restarted = false;
            while (offset < bytes.Length)
            {
                var length = (int)Math.Min(settings.ChunkBytes, bytes.Length - offset);
                try
                {
                    var answer = await client.UploadAsync(state, a.Id, bytes.AsMemory((int)offset, length), offset, bytes.Length, digest, token);
                    if (!answer.Complete && answer.Received <= offset)
                    {
                        throw new FieldServerException("The centre did not take the chunk.", 409);
                    }

                    var reached = answer.Complete ? bytes.Length : answer.Received;
                    var sent = reached - offset;
                    Update(p => p with { BytesSent = p.BytesSent + sent });
                    offset = reached;
                }
                catch (FieldServerException ex) when (ex.Code == "field.upload-offset" && ex.Received is { } held)
                {
                    offset = held;
                }
                catch (FieldServerException ex) when (ex.Code == "field.upload-hash-mismatch" && !restarted)
                {
                    restarted = true;
                    offset = 0;
                }
                catch (FieldServerException ex) when (!ex.Unreachable)
                {
                    // The dossier goes on to the centre, which answers that this scan is missing; the problem shows on the field page.
                    logger.LogWarning("Upload of {Attachment} refused: {Message}", a.Id, ex.Message);
                    return;
                }
            }
        });
    }

    private static async Task RecordAsync(MotCuaDb db, IReadOnlyList<FieldItemResult> results, HashSet<Guid> conflicts, CancellationToken ct)
    {
        if (results.Count == 0)
        {
            return;
        }

        var ids = results.Select(r => r.ClientId).ToList();
        var items = await db.FieldOutbox.Where(o => ids.Contains(o.ClientId)).ToDictionaryAsync(o => o.ClientId, ct);
        foreach (var r in results)
        {
            if (!items.TryGetValue(r.ClientId, out var o))
            {
                continue;
            }

            o.Attempts++;
            switch (r.Outcome)
            {
                case FieldItemOutcome.Created or FieldItemOutcome.AlreadySynced:
                    o.State = conflicts.Contains(r.ClientId) ? OutboxState.Conflict : OutboxState.Synced;
                    o.CentreReceivedAt = r.ReceivedAt;
                    o.CentreDueAt = r.DueAt;
                    o.ProblemCode = o.ProblemTitle = o.ProblemDetail = null;
                    break;
                case FieldItemOutcome.Conflict:
                    o.State = OutboxState.Conflict;
                    o.CentreReceivedAt = r.ReceivedAt;
                    o.ProblemCode = o.ProblemTitle = o.ProblemDetail = null;
                    break;
                default:
                    o.State = r.Retriable == true ? OutboxState.Pending : OutboxState.Rejected;
                    o.ProblemCode = Trim(r.Problem?.Code, 100);
                    o.ProblemTitle = Trim(r.Problem?.Title, 200);
                    o.ProblemDetail = Trim(r.Problem?.Detail, 2000);
                    break;
            }

            if (o.State != OutboxState.Pending)
            {
                o.ConfirmedAt = r.ReceivedAt ?? o.ConfirmedAt;
            }
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static string? Trim(string? s, int max) => s is null ? null : s.Length <= max ? s : s[..max];

    public static FieldSyncItem ItemOf(Dossier d, IReadOnlyList<Attachment> attachments)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(attachments);
        var a = d.Applicant;
        return new FieldSyncItem(
            d.ClientId, FieldItemKind.Dossier, d.Number.ToString(), d.LookupSecret, d.ProcedureCode, d.Channel,
            new FieldApplicant(a.CitizenId?.Value, a.FullName, a.Phone?.Value, a.Address, a.HamletId, a.Basis == PersonalDataBasis.Consent ? true : null),
            FieldWire.Instant(d.ReceivedAt ?? d.RegisteredAt), d.PapersReceived, d.OutreachSessionId,
            [.. Enum.GetValues<PriorityGroup>().Where(g => g != PriorityGroup.None && d.PriorityGroups.HasFlag(g))],
            [.. attachments.Select(x => (FieldAttachmentRef?)new FieldAttachmentRef(x.Id, x.Sha256, x.Size, x.FileName, x.ContentType))],
            null, d.NeedsVerification, d.ReceivedBy);
    }
}

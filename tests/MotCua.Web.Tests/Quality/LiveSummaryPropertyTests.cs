using System.Net;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Quality;
using MotCua.Web.Data.Dossiers;
using MotCua.Web.Data.Quality;
using MotCua.Web.Features.Catalog;
using MotCua.Web.Features.Complaints;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Quality;
using MotCua.Web.Platform.Auth;
using MotCua.Web.Platform.Uploads;
using MotCua.Web.Tests.Infrastructure;
using static MotCua.Web.Tests.Quality.QualityScenario;
using K = MotCua.Domain.Quality.IndexMeasureKeys;

namespace MotCua.Web.Tests.Quality;

/// <summary>
/// Random histories of dossiers (receipts on every channel, every transition the state machine allows, supplements,
/// time passing), ratings and re-ratings, feedback with its whole handling, scans and a corrected fee, all through the
/// real application. At checkpoints the live summaries and facts must equal what a full recompute builds from scratch,
/// and the index must agree with the work queue's own overdue count and the dossiers' own early / on time / late.
/// Runs on SQLite, and on PostgreSQL when MOTCUA_TEST_POSTGRES is set.
/// </summary>
public sealed class LiveSummaryPropertyTests
{
    private const string From = "2026-03-01";
    private const string To = "2026-12-31";

    private static readonly string[] Procedures = ["1.001193", "1.004222", "1.003197", "1.001776", "1.014137", "2.000815", "1.001612", "HT.0001"];
    private static readonly Channel[] Channels = [Channel.Counter, Channel.Counter, Channel.Online, Channel.Online, Channel.Post, Channel.Outreach];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(766)]
    public async Task RandomHistories_LiveSummariesEqualAFullRecompute(int seed)
    {
        await using var app = await MotCuaApp.StartAsync(settings: Unlimited);
        var world = new World(app, new Random(seed));
        await world.AddUnitAsync("000.00.99.T01");
        await world.AddUnitAsync("000.00.98.T01");

        for (var step = 1; step <= 180; step++)
        {
            await world.StepAsync();
            if (step % 45 == 0)
            {
                await AssertLiveEqualsRecomputeAsync(app, world);
            }
        }

        Assert.True(world.Dossiers.Count > 20, $"Only {world.Dossiers.Count} dossiers were made.");
        Assert.True(world.Ratings > 0 && world.Feedback.Count > 0 && world.FeedbackActions > 0, $"ratings {world.Ratings}, feedback {world.Feedback.Count}, actions {world.FeedbackActions}");
    }

    private static async Task AssertLiveEqualsRecomputeAsync(MotCuaApp app, World world)
    {
        var (liveFacts, liveSums) = await SnapshotAsync(app);
        var liveIndexes = new List<QualityIndexResponse>();
        foreach (var unit in world.Units)
        {
            liveIndexes.Add(await IndexAsync(unit.Unit.Client, unit.Unit.Code, From, To));
        }

        Assert.All(liveSums, s => Assert.True(s.Value > 0, $"{s.Key} is {s.Value}"));
        var report = await app.WithDbAsync(db => RecomputeQuality.ExecuteAsync(db, default));
        var (facts, sums) = await SnapshotAsync(app);

        Assert.Equal(0, report.SummaryRowsChanged);
        Assert.Equal(sums.OrderBy(s => s.Key), liveSums.OrderBy(s => s.Key));
        Assert.Equal(facts.Count, liveFacts.Count);
        foreach (var (id, f) in facts)
        {
            Assert.True(liveFacts.TryGetValue(id, out var live), $"{f.Subject} {id} has no live facts");
            Assert.Equal(f.ToFacts(), live.ToFacts());
        }

        for (var i = 0; i < world.Units.Count; i++)
        {
            var unit = world.Units[i];
            var recomputed = await IndexAsync(unit.Unit.Client, unit.Unit.Code, From, To);
            Assert.Equal(recomputed.Counts.OrderBy(c => c.Key), liveIndexes[i].Counts.OrderBy(c => c.Key));
            Assert.Equal(recomputed.Total, liveIndexes[i].Total);
            await AssertAgreesWithTheDossiersAsync(app, unit, recomputed);
        }
    }

    /// <summary>An oracle outside the summaries: the dossiers' own timeliness, and the work queue's overdue rule.</summary>
    private static async Task AssertAgreesWithTheDossiersAsync(MotCuaApp app, UnitState unit, QualityIndexResponse index)
    {
        var now = app.Time.GetUtcNow();
        var dossiers = new List<DossierResponse>();
        foreach (var number in unit.Numbers)
        {
            dossiers.Add(await (await unit.Unit.Client.GetAsync($"/api/dossiers/{number}")).ReadAsync<DossierResponse>());
        }

        var cohort = dossiers.Where(d => d.ReceivedAt is not null && d.DueAt is not null && d.Status != DossierStatus.NotAccepted).ToList();
        var ended = cohort.Where(d => d.EndedAt is not null).ToList();
        var openOverdue = await app.WithDbAsync(db => db.Dossiers.Where(d => d.UnitId == unit.Unit.Id).WhereOverdue(now).CountAsync());

        Assert.Equal(cohort.Count, index.Counts[K.DossiersReceived]);
        Assert.Equal(ended.Count(d => d.Timeliness == Timeliness.Early), index.Counts[K.DossiersEarly]);
        Assert.Equal(ended.Count(d => d.Timeliness == Timeliness.OnTime), index.Counts[K.DossiersOnTime]);
        Assert.Equal(ended.Count(d => d.Timeliness == Timeliness.Late) + openOverdue, index.Counts[K.DossiersOverdue]);
        Assert.Equal(openOverdue, index.Counts[MeasureFacts.Extra.DossiersOpenOverdue]);
        Assert.Equal(cohort.Count(d => d.Status is DossierStatus.Processed or DossierStatus.ResultReturned), index.Counts[K.DossiersCompleted]);
        Assert.Equal(cohort.Count(d => d.Channel == Channel.Online), index.Counts[K.DossiersByChannelOnline]);
    }

    private static Task<(Dictionary<Guid, QualityFact> Facts, Dictionary<string, long> Sums)> SnapshotAsync(MotCuaApp app) => app.WithDbAsync(async db =>
    {
        var facts = await db.QualityFacts.AsNoTracking().ToDictionaryAsync(f => f.SubjectId);
        var sums = await db.QualitySummaries.AsNoTracking().Where(s => s.Count != 0).ToListAsync();
        return (facts, sums.ToDictionary(s => $"{s.UnitId}/{s.Granularity}/{s.PeriodStart:yyyy-MM-dd}/{s.Measure}", s => s.Count));
    });

    private sealed record UnitState(TestUnit Unit, TestUser Specialist)
    {
        public List<string> Numbers { get; } = [];
    }

    private sealed class World(MotCuaApp app, Random rng)
    {
        public List<UnitState> Units { get; } = [];

        public List<(UnitState Unit, DossierResponse Dossier)> Dossiers { get; } = [];

        public List<(UnitState Unit, string Code, string Secret)> Feedback { get; } = [];

        public int Ratings { get; private set; }

        public int FeedbackActions { get; private set; }

        public async Task AddUnitAsync(string code)
        {
            var unit = await app.AddUnitAsync(code);
            Units.Add(new UnitState(unit, await app.CreateUserAsync(Roles.Specialist, code)));
        }

        public async Task StepAsync()
        {
            var roll = rng.Next(100);
            if (roll < 22 || Dossiers.Count < 3)
            {
                await ReceiveAsync();
            }
            else if (roll < 52)
            {
                await TransitionAsync();
            }
            else if (roll < 62)
            {
                app.Time.Advance(rng.Next(4) switch
                {
                    0 => TimeSpan.FromMinutes(rng.Next(1, 120)),
                    1 => TimeSpan.FromHours(rng.Next(1, 12)),
                    _ => TimeSpan.FromHours(rng.Next(12, 80)),
                });
            }
            else if (roll < 72)
            {
                await RateAsync();
            }
            else if (roll < 79)
            {
                await SubmitFeedbackAsync();
            }
            else if (roll < 90)
            {
                await HandleFeedbackAsync();
            }
            else if (roll < 95)
            {
                await RateFeedbackAsync();
            }
            else if (roll < 98)
            {
                await AttachScanAsync();
            }
            else
            {
                await CorrectAFeeAsync();
            }
        }

        private T Pick<T>(IReadOnlyList<T> items) => items[rng.Next(items.Count)];

        private async Task ReceiveAsync()
        {
            var unit = Pick(Units);
            var procedure = Pick(Procedures);
            var channel = Pick(Channels);
            var applicant = new ApplicantRequest("093080001234", "Nguyễn Văn Hoà", "0912345678", "Ấp 1", null, Consent: procedure == "HT.0001" ? true : null);
            var response = await unit.Unit.Client.PostJsonAsync("/api/dossiers", new ReceiveDossierRequest(Guid.NewGuid(), procedure, unit.Unit.Code, channel, applicant,
                channel == Channel.Outreach ? app.Time.GetUtcNow().AddMinutes(-rng.Next(0, 300)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture) : null));
            await AssertNot500Async(response, "receive");
            if (response.StatusCode == HttpStatusCode.Created)
            {
                var d = await response.ReadAsync<DossierResponse>();
                Dossiers.Add((unit, d));
                unit.Numbers.Add(d.Number);
            }
        }

        private static async Task<DossierResponse> FreshAsync(UnitState unit, string number) =>
            await (await unit.Unit.Client.GetAsync($"/api/dossiers/{number}")).ReadAsync<DossierResponse>();

        private async Task TransitionAsync()
        {
            var (unit, d) = Pick(Dossiers);
            d = await FreshAsync(unit, d.Number);
            var actions = d.AllowedActions.Where(a => a is not (DossierAction.HandOver or DossierAction.Apologise)).ToList();
            if (actions.Count == 0)
            {
                return;
            }

            // Mostly forward, so that many dossiers end (early, on time or late) and can be rated.
            var forward = actions.Where(a => a is DossierAction.Accept or DossierAction.StartProcessing or DossierAction.Complete or DossierAction.ReturnResult
                or DossierAction.SupplementReceived or DossierAction.PaymentReceived).ToList();
            var action = forward.Count > 0 && rng.Next(10) < 7 ? Pick(forward) : Pick(actions);
            var reason = action is DossierAction.Decline or DossierAction.RequestSupplement or DossierAction.Stop or DossierAction.Withdraw ? "Lý do thử nghiệm." : null;
            var response = await unit.Unit.Client.PostJsonAsync($"/api/dossiers/{d.Number}/transitions", new TransitionRequest(action, reason, d.Version, null));
            await AssertNot500Async(response, $"{action}");
        }

        private async Task RateAsync()
        {
            var (unit, d) = Pick(Dossiers);
            for (var tries = 0; tries < 5 && rng.Next(5) != 0 && (await FreshAsync(unit, d.Number)).Status is not (DossierStatus.Processed or DossierStatus.ResultReturned); tries++)
            {
                (unit, d) = Pick(Dossiers);
            }

            var response = await app.Anonymous.PostJsonAsync($"/api/public/dossiers/{d.Number}/rating", new RatingRequest(
                d.LookupSecret, rng.Next(4) != 0, rng.Next(6) is var g && g > 0 ? g : null, rng.Next(1, 6), rng.Next(3) == 0 ? null : rng.Next(1, 6),
                rng.Next(3) == 0 ? "Cán bộ nhiệt tình." : null, (RatingSource)rng.Next(1, 4)));
            await AssertNot500Async(response, "rate");
            if (response.IsSuccessStatusCode)
            {
                Ratings++;
            }
        }

        private async Task SubmitFeedbackAsync()
        {
            var unit = Pick(Units);
            var mine = Dossiers.Where(x => x.Unit == unit).ToList();
            var about = mine.Count > 0 && rng.Next(2) == 0 ? Pick(mine).Dossier : null;
            var response = await app.Anonymous.PostJsonAsync("/api/public/feedback", new FeedbackRequest(
                (FeedbackKind)rng.Next(1, 3), "Góp ý", "Thời gian chờ lâu.", about is null ? unit.Unit.Code : null, about?.Number, about?.LookupSecret,
                rng.Next(2) == 0 ? "Trần Thị Lan" : null, null, true));
            await AssertNot500Async(response, "feedback");
            var receipt = await response.ReadAsync<FeedbackReceipt>();
            Feedback.Add((unit, receipt.Code, receipt.Secret));
        }

        private async Task HandleFeedbackAsync()
        {
            if (Feedback.Count == 0)
            {
                return;
            }

            var (unit, code, _) = Pick(Feedback);
            var f = await (await unit.Unit.Client.GetAsync($"/api/feedback/{code}")).ReadAsync<FeedbackResponse>();
            if (f.AllowedActions.Count == 0)
            {
                return;
            }

            var action = Pick(f.AllowedActions);
            var request = action switch
            {
                FeedbackAction.Classify => new FeedbackActionRequest(action, f.Version, Kind: (FeedbackKind)rng.Next(1, 3), Category: (FeedbackCategory)rng.Next(1, 7)),
                FeedbackAction.Assign => new FeedbackActionRequest(action, f.Version, Assignee: unit.Specialist.Id),
                FeedbackAction.InformationReceived => new FeedbackActionRequest(action, f.Version, "Đã nhận thêm thông tin."),
                _ => new FeedbackActionRequest(action, f.Version, "Trung tâm trả lời như sau."),
            };
            var response = await unit.Unit.Client.PostJsonAsync($"/api/feedback/{code}/actions", request);
            await AssertNot500Async(response, $"feedback {action}");
            Assert.True(response.IsSuccessStatusCode, $"feedback {action}: {await response.Content.ReadAsStringAsync()}");
            FeedbackActions++;
        }

        private async Task RateFeedbackAsync()
        {
            if (Feedback.Count == 0)
            {
                return;
            }

            var (_, code, secret) = Pick(Feedback);
            var response = await app.Anonymous.PostJsonAsync($"/api/public/feedback/{code}/satisfaction", new FeedbackSatisfactionRequest(secret, rng.Next(2) == 0));
            await AssertNot500Async(response, "feedback satisfaction");
        }

        private async Task AttachScanAsync()
        {
            var (unit, d) = Pick(Dossiers);
            await app.WithDbAsync(async db =>
            {
                var id = await db.Dossiers.Where(x => x.Number == DossierNumber.Parse(d.Number)).Select(x => x.Id).SingleAsync();
                var bytes = "%PDF-1.4 test"u8.ToArray();
                var attachment = new Attachment(id, unit.Unit.Id, "scan.pdf", "application/pdf", bytes.Length, ScanFiles.Sha256Hex(bytes), app.Time.GetUtcNow(), "test");
                db.Attachments.Add(attachment);
                db.AttachmentContents.Add(new AttachmentContent { Id = attachment.Id, Bytes = bytes });
                return await db.SaveChangesAsync();
            });
        }

        /// <summary>A province corrects the fee of a version already in force: "with a fee" changes for every dossier received under it.</summary>
        private async Task CorrectAFeeAsync()
        {
            var document = await (await app.Client.GetAsync("/api/procedures/export?format=json")).ReadAsync<CatalogDocument>();
            var procedure = document.Procedures!.Single(p => p.Code == "1.004222");
            var versions = procedure.Versions!.Select(v => v with { Fee = v.Fee!.Kind == FeeKind.Free ? new FeeDocument(FeeKind.Fixed, 20000, 10000) : new FeeDocument(FeeKind.Free) }).ToList();
            var response = await app.Client.PostJsonAsync("/api/procedures/import", new CatalogDocument([procedure with { Versions = versions }]));
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        private static async Task AssertNot500Async(HttpResponseMessage response, string what) =>
            Assert.True((int)response.StatusCode < 500, $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}

using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Calendar;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Outreach;
using MotCua.Domain.Units;
using MotCua.Web.Data;
using MotCua.Web.Data.Dossiers;
using MotCua.Web.Data.FieldSync;
using MotCua.Web.Data.Identity;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Host;
using MotCua.Web.Platform;
using MotCua.Web.Platform.Auth;

namespace MotCua.Fault.Tests.Harness;

/// <summary>What the centre's database holds about the field work, read with the application's own model.</summary>
public sealed record CentreDossier(string Number, Guid ClientId, DossierStatus Status, DateTimeOffset? ReceivedAt, DateTimeOffset? DueAt, string LookupSecret);

public sealed record CentreAttachment(Guid Id, Guid DossierId, string Number, string Sha256, long Size, string ContentSha256);

public sealed record CentreSnapshot(IReadOnlyList<CentreDossier> Dossiers, IReadOnlyList<CentreAttachment> Attachments, int Conflicts, int UnclaimedUploads, int SyncRecords);

/// <summary>
/// The centre's database, prepared before its process starts (a commune with hamlets, a mobile team whose members
/// can sign in, today's session, a dossier ready to hand back, one-time enrolment codes) and read after the faults.
/// </summary>
public sealed class Centre
{
    public const string Password = "Fault-test-password-2026";

    /// <summary>The offline PIN each team member sets for each laptop.</summary>
    public const string Pin = "473829";

    public const string UnitCode = "000.00.98.F01";

    /// <summary>An admin connection string to a throwaway PostgreSQL (as for the web tests): the centre then runs on it.</summary>
    public const string PostgresVariable = "MOTCUA_TEST_POSTGRES";

    private readonly string? _postgresDatabase;

    private Centre(string dataDirectory, string? postgresDatabase)
    {
        DataDirectory = dataDirectory;
        _postgresDatabase = postgresDatabase;
    }

    public string DataDirectory { get; }

    public static string? PostgresAdmin => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;

    public DatabaseProvider Provider => _postgresDatabase is null ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;

    public string ConnectionString => _postgresDatabase is null
        ? new SqliteConnectionStringBuilder { DataSource = Path.Combine(DataDirectory, "motcua.db") }.ToString()
        : new Npgsql.NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = _postgresDatabase }.ToString();

    /// <summary>How the centre's process finds its database: the data folder (SQLite) or the connection string (PostgreSQL).</summary>
    public IReadOnlyDictionary<string, string> ProcessSettings => _postgresDatabase is null
        ? new Dictionary<string, string>()
        : new Dictionary<string, string> { ["ConnectionStrings:Postgres"] = ConnectionString };

    public Guid UnitId { get; private set; }

    public Guid HamletId { get; private set; }

    public Guid SessionId { get; private set; }

    public IReadOnlyList<string> Members { get; private set; } = [];

    public string ReadyNumber { get; private set; } = string.Empty;

    public IReadOnlyList<string> Codes { get; private set; } = [];

    public static DateOnly Today => WorkingCalendar.LocalDate(TimeProvider.System.GetUtcNow());

    public static async Task<Centre> PrepareAsync(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        string? database = null;
        if (PostgresAdmin is { } admin)
        {
            database = $"motcua_fault_{Guid.NewGuid():N}";
            await ExecuteAsync(admin, $"CREATE DATABASE \"{database}\"");
        }

        var centre = new Centre(dataDirectory, database);
        await using var provider = centre.Services();
        await DatabaseSetup.PrepareAsync(provider, CancellationToken.None, seedDemo: false);
        using var scope = provider.CreateScope();
        scope.ServiceProvider.GetRequiredService<CallerContext>().UseSystem("fault-test");
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var now = TimeProvider.System.GetUtcNow();

        db.Provinces.Add(new Province("F01", "Tỉnh thử lỗi"));
        var unit = new Unit(UnitCode, "Xã Thử Lỗi", "F01");
        db.Units.Add(unit);
        var hamlets = Enumerable.Range(1, 3).Select(i => new Hamlet(unit.Id, $"Ấp {i}", 3 * i, 10 * i, 600, $"Nhà văn hoá ấp {i}")).ToList();
        db.Hamlets.AddRange(hamlets);
        await db.SaveChangesAsync();

        var members = new List<string>();
        foreach (var (name, role) in new[] { ("luudong1", Roles.FieldAgent), ("luudong2", Roles.FieldAgent), ("lanhdao", Roles.CentreLeader) })
        {
            var user = new StaffUser { UserName = name, FullName = $"Cán bộ {name}", UnitId = unit.Id };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
            }
            await users.AddToRoleAsync(user, role);
            members.Add(user.Id);
        }

        var today = Today;
        var team = new Team(unit.Id, "Tổ lưu động 1", 2, Equipment.Laptop | Equipment.Printer | Equipment.Scanner, [.. members.Take(2).Select(m => new TeamMember(m, ["1.001193"], []))]);
        var campaign = new Campaign(unit.Id, new CampaignSettings("Phục vụ lưu động", today, today.AddDays(7), [today.DayOfWeek], [SessionSlot.Morning], ["1.001193"]));
        var session = new OutreachSession(campaign.Id, unit.Id, today, SessionSlot.Morning, team.Id, hamlets[0].Id, [.. members.Take(2)], 30, "manual", new Dictionary<string, string>());
        db.Teams.Add(team);
        db.Campaigns.Add(campaign);
        db.OutreachSessions.Add(session);
        var codes = Enumerable.Range(0, 3).Select(_ => FieldEnrolmentCode.NewCode()).ToList();
        foreach (var code in codes)
        {
            db.FieldEnrolmentCodes.Add(new FieldEnrolmentCode(unit.Id, team.Id, FieldEnrolmentCode.Hash(code), members[2], now, now.AddHours(24)));
        }

        await db.SaveChangesAsync();

        // A result waiting in hamlet 1, which both laptops may hand back.
        var ready = await ReceiveDossier.ExecuteAsync(new ReceiveDossier.Input(Guid.NewGuid(), UnitCode, "1.004222",
            new Applicant(CitizenId.Parse("093080001299"), "Trần Thị Bảy", null, "Ấp 1", hamlets[0].Id), Channel.Counter, null, false, members[2]), db, TimeProvider.System, IntakeNumbering.Centre, CancellationToken.None);
        var number = ready.Dossier.Number;
        await TransitionDossier.ExecuteAsync(number, new DossierCommand(DossierAction.StartProcessing, 1, members[2]), NodeRole.CentreNode, db, TimeProvider.System, CancellationToken.None);
        await TransitionDossier.ExecuteAsync(number, new DossierCommand(DossierAction.Complete, 2, members[2]), NodeRole.CentreNode, db, TimeProvider.System, CancellationToken.None);

        centre.UnitId = unit.Id;
        centre.HamletId = hamlets[0].Id;
        centre.SessionId = session.Id;
        centre.Members = members;
        centre.ReadyNumber = number.ToString();
        centre.Codes = codes;
        SqliteConnection.ClearAllPools();
        return centre;
    }

    /// <summary>Each team member signs in at the centre with their password and sets their offline PIN for the laptop.</summary>
    public async Task SetPinsAsync(Uri server, Guid deviceId)
    {
        foreach (var (name, id) in new[] { ("luudong1", Members[0]), ("luudong2", Members[1]) })
        {
            using var client = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(60) };
            var login = await client.PostAsJsonAsync("/api/auth/login", new { userName = name, password = Password });
            login.EnsureSuccessStatusCode();
            var token = (await login.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString();
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            var set = await client.PutAsJsonAsync($"/api/field/devices/{deviceId}/pins/{id}", new { pin = Pin });
            if (!set.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Setting the PIN of {name} failed: {(int)set.StatusCode} {await set.Content.ReadAsStringAsync()}");
            }
        }
    }

    /// <summary>Reads the centre's database (while it runs: WAL lets a reader in beside the writer).</summary>
    public async Task<CentreSnapshot> SnapshotAsync()
    {
        await using var provider = Services();
        using var scope = provider.CreateScope();
        scope.ServiceProvider.GetRequiredService<CallerContext>().UseSystem("fault-test");
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
        var dossiers = await db.Dossiers.AsNoTracking().Select(d => new { d.Id, d.Number, d.ClientId, d.Status, d.ReceivedAt, d.DueAt, d.LookupSecret }).ToListAsync();
        var numbers = dossiers.ToDictionary(d => d.Id, d => d.Number.ToString());
        var attachments = await db.Attachments.AsNoTracking().ToListAsync();
        var contents = await db.AttachmentContents.AsNoTracking().ToDictionaryAsync(c => c.Id, c => Convert.ToHexStringLower(SHA256.HashData(c.Bytes)));
        var snapshot = new CentreSnapshot(
            [.. dossiers.Select(d => new CentreDossier(d.Number.ToString(), d.ClientId, d.Status, d.ReceivedAt, d.DueAt, d.LookupSecret))],
            [.. attachments.Select(a => new CentreAttachment(a.Id, a.DossierId, numbers[a.DossierId], a.Sha256, a.Size, contents.GetValueOrDefault(a.Id, "missing")))],
            await db.SyncConflicts.CountAsync(),
            await db.FieldUploads.CountAsync(),
            await db.FieldSyncRecords.CountAsync());
        SqliteConnection.ClearAllPools();
        return snapshot;
    }

    /// <summary>Drops the PostgreSQL database (a SQLite file goes with the data folder).</summary>
    public async Task DropAsync()
    {
        if (_postgresDatabase is not null && PostgresAdmin is { } admin)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var c = new Npgsql.NpgsqlConnection(connectionString);
        await c.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand(sql, c);
        await cmd.ExecuteNonQueryAsync();
    }

    private ServiceProvider Services()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().Build();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddMotCuaDatabase(new DatabaseSettings(Provider, ConnectionString, false));
        services.AddMotCuaAuth(configuration);

        // The hash records its iteration count, so the centre and the laptops check these passwords as any other.
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1000);
        return services.BuildServiceProvider();
    }
}

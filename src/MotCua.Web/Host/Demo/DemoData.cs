using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain;
using MotCua.Domain.Calendar;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Outreach;
using MotCua.Domain.Units;
using MotCua.Web.Data;
using MotCua.Web.Data.Audit;
using MotCua.Web.Data.Calendar;
using MotCua.Web.Data.Dossiers;
using MotCua.Web.Data.Identity;
using MotCua.Web.Platform.Auth;

namespace MotCua.Web.Host;

/// <summary>
/// Demo data for a first run: the communes of the source articles (Châu Thành with 18 hamlets, Vị Thanh 1 with 22,
/// Lục Yên, Yên Bình) and about four months of dossiers whose histories are produced by the real state machine on
/// the real calendar, so every screen shows something true. Deterministic for a given "today".
/// </summary>
/// <remarks>Unit codes follow the QCVN 102:2016 shape but are demo values, not the official codes of these units.</remarks>
public static partial class DemoData
{
    public const int Days = 120;

    /// <param name="Punctual">Works evenings and weekends when intake surges (Lục Yên in the articles): steps follow quickly and few dossiers run late.</param>
    public sealed record DemoUnit(string Code, string Name, string ProvinceCode, string CitizenProvince, int DossiersPerDay, DemoOutreach.DemoCampaign? Campaign, string[] Hamlets, bool Highlands, bool Punctual = false);

    public static readonly IReadOnlyList<(string Code, string Name)> Provinces =
    [
        ("H92", "Thành phố Cần Thơ"),
        ("H10", "Tỉnh Lào Cai"),
    ];

    public static readonly IReadOnlyList<DemoUnit> Units =
    [
        new("000.00.21.H92", "Xã Châu Thành", "H92", "093", 12,
            new("Thứ Bảy phục vụ nhân dân", DayOfWeek.Saturday, WeeksBefore: 2, Weeks: 8, Teams: 2, MembersPerTeam: 12, Crew: 3, MaxDaysPerMember: 3, Target: 450, CapacityPerSession: 30),
        [
            "Ấp Phú Thuận A", "Ấp Phú Thuận B", "Ấp Phú Thuận", "Ấp Phú Lợi", "Ấp Phú Hưng", "Ấp Phú Thạnh", "Ấp Tân Phú", "Ấp Tân Long",
            "Ấp Tân Hiệp", "Ấp Long Thạnh", "Ấp Long Hoà", "Ấp Mỹ Phú", "Ấp Mỹ Hưng", "Ấp Thạnh Lợi", "Ấp Thạnh Xuân", "Ấp Đông Thạnh",
            "Ấp Đông Phú", "Ấp Xẻo Cao",
        ], false),
        new("000.00.22.H92", "Phường Vị Thanh 1", "H92", "093", 10,
            new("Chủ nhật về khu vực", DayOfWeek.Sunday, WeeksBefore: 6, Weeks: 12, Teams: 2, MembersPerTeam: 12, Crew: 3, MaxDaysPerMember: 4, Target: 700, CapacityPerSession: 30),
            [.. Enumerable.Range(1, 22).Select(i => string.Create(CultureInfo.InvariantCulture, $"Khu vực {i}"))], false),
        new("000.00.31.H10", "Xã Lục Yên", "H10", "015", 40, null,
            ["Thôn Yên Thắng", "Thôn Trung Tâm", "Thôn Cốc Khinh", "Thôn Bản Lằn", "Thôn Khau Vàng", "Thôn Nà Lay", "Thôn Khuổi Hẻo", "Thôn Làng Già"], true, Punctual: true),
        new("000.00.32.H10", "Xã Yên Bình", "H10", "015", 10,
            new("Cán bộ về thôn bản", DayOfWeek.Saturday, WeeksBefore: 3, Weeks: 8, Teams: 1, MembersPerTeam: 8, Crew: 3, MaxDaysPerMember: 4, Target: 250, CapacityPerSession: 25),
            ["Thôn Hồng Bàng", "Thôn Khe Ma", "Thôn Đồi Hời", "Thôn Ngòi Cát", "Thôn Trung Nam", "Thôn Cây Quéo", "Thôn Đồng Tâm", "Thôn Bản Chanh"], true),
    ];

    private static readonly string[] FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Trương", "Phan"];
    private static readonly string[] HighlandFamilyNames = ["Hoàng", "Nông", "Triệu", "Bàn", "Giàng", "Sùng", "Lục", "Ma", "Hà", "Đặng"];
    private static readonly string[] MaleMiddle = ["Văn", "Hữu", "Minh", "Đức", "Quốc", "Thanh"];
    private static readonly string[] FemaleMiddle = ["Thị", "Ngọc", "Thu", "Thanh", "Mỹ"];
    private static readonly string[] MaleGiven = ["Hoà", "An", "Bình", "Cường", "Dũng", "Hùng", "Nam", "Phúc", "Quân", "Sơn", "Tâm", "Tuấn", "Khoa", "Lộc", "Thắng"];
    private static readonly string[] FemaleGiven = ["Hà", "Hạnh", "Lan", "Linh", "Mai", "Thảo", "Trang", "Vy", "Yến", "Phương", "Hằng", "Nhung", "Loan"];

    /// <summary>Officer ids per unit: [0] counter officer, [1..] specialists.</summary>
    public static string[] Officers(DemoUnit unit) =>
    [
        $"demo-counter-{Slug(unit)}", $"demo-specialist-{Slug(unit)}", $"demo-specialist2-{Slug(unit)}",
    ];

    public static string Slug(DemoUnit unit) => unit.Code.Split('.')[2];

    /// <summary>The password of every demo account. Demo mode only: a real installation creates accounts with <c>users add</c>.</summary>
    public const string DemoPassword = "MotCua-demo-2026";

    /// <param name="CanSignIn">False for team members shown in the plans: their accounts have no password until an administrator sets one.</param>
    public sealed record DemoAccount(string Id, string UserName, string FullName, string Role, string? UnitCode, string? ProvinceCode, bool CanSignIn = true);

    /// <summary>One account per role for Châu Thành and its province, plus the officers who handle every demo unit's dossiers.</summary>
    public static IReadOnlyList<DemoAccount> Accounts { get; } = BuildAccounts();

    private static List<DemoAccount> BuildAccounts()
    {
        var slugs = new Dictionary<string, string> { ["21"] = "chauthanh", ["22"] = "vithanh1", ["31"] = "lucyen", ["32"] = "yenbinh" };
        var list = new List<DemoAccount>
        {
            new("demo-admin", "admin", "Quản trị hệ thống", Roles.Administrator, null, null),
            new("demo-province-h92", "tinh.cantho", "Trung tâm PVHCC TP Cần Thơ", Roles.ProvinceViewer, null, "H92"),
            new("demo-province-h10", "tinh.laocai", "Trung tâm PVHCC tỉnh Lào Cai", Roles.ProvinceViewer, null, "H10"),
        };
        string[][] names =
        [
            ["Trần Văn Phúc", "Lê Thị Mỹ Linh", "Nguyễn Hữu Tâm", "Phạm Thị Hằng", "Võ Minh Khoa"],
            ["Huỳnh Văn Lộc", "Đặng Thị Yến", "Bùi Quốc Thắng", "Ngô Thị Phương", "Dương Văn Nam"],
            ["Hoàng Văn Sơn", "Nông Thị Lan", "Triệu Văn Dũng", "Hà Thị Trang", "Lục Văn Quân"],
            ["Phạm Văn Hùng", "Ma Thị Nhung", "Đỗ Đức Cường", "Bàn Thị Mai", "Giàng A Bình"],
        ];
        for (var i = 0; i < Units.Count; i++)
        {
            var unit = Units[i];
            var slug = slugs[Slug(unit)];
            var officers = Officers(unit);
            list.Add(new DemoAccount($"demo-leader-{Slug(unit)}", $"lanhdao.{slug}", names[i][0], Roles.CentreLeader, unit.Code, null));
            list.Add(new DemoAccount(officers[0], $"motcua.{slug}", names[i][1], Roles.CounterOfficer, unit.Code, null));
            list.Add(new DemoAccount(officers[1], $"chuyenvien.{slug}", names[i][2], Roles.Specialist, unit.Code, null));
            list.Add(new DemoAccount(officers[2], $"chuyenvien2.{slug}", names[i][3], Roles.Specialist, unit.Code, null));
            list.Add(new DemoAccount($"demo-field-{Slug(unit)}", $"luudong.{slug}", names[i][4], Roles.FieldAgent, unit.Code, null));
            list.AddRange(DemoOutreach.MemberAccounts(unit, slug));
        }

        return list;
    }

    public static async Task SeedAccountsAsync(IServiceProvider services, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(services);
        var users = services.GetRequiredService<UserManager<StaffUser>>();
        var db = services.GetRequiredService<MotCuaDb>();
        var units = await db.Units.ToDictionaryAsync(u => u.Code, u => u.Id, ct);
        foreach (var a in Accounts)
        {
            if (await users.FindByIdAsync(a.Id) is not null)
            {
                continue;
            }

            var user = new StaffUser
            {
                Id = a.Id,
                UserName = a.UserName,
                FullName = a.FullName,
                UnitId = a.UnitCode is null ? null : units[a.UnitCode],
                ProvinceCode = a.ProvinceCode,
            };
            var result = a.CanSignIn ? await users.CreateAsync(user, DemoPassword) : await users.CreateAsync(user);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {a.UserName}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            }

            await users.AddToRoleAsync(user, a.Role);
        }
    }

    public static async Task SeedAsync(MotCuaDb db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        db.AuditChanges = false;
        foreach (var (code, name) in Provinces)
        {
            db.Provinces.Add(new Province(code, name));
        }

        var units = new List<(DemoUnit Demo, Unit Unit, List<Hamlet> Hamlets)>();
        var rng = new Random(766);
        foreach (var demo in Units)
        {
            var unit = new Unit(demo.Code, demo.Name, demo.ProvinceCode);
            db.Units.Add(unit);
            var hamlets = demo.Hamlets.Select((h, i) =>
            {
                var km = Math.Round(2 + (13.0 * i / Math.Max(1, demo.Hamlets.Length - 1)) + (rng.NextDouble() - 0.5), 1);
                if (h == "Ấp Phú Thuận A")
                {
                    km = 14.8;
                }

                return new Hamlet(unit.Id, h, Math.Max(1, km), (int)Math.Round(km * (demo.Highlands ? 4.5 : 2.5)), 600 + rng.Next(1400),
                    demo.Highlands ? $"Nhà văn hoá {h.ToLowerInvariant()}" : $"Nhà văn hoá {h.Replace("Ấp ", "ấp ", StringComparison.Ordinal).Replace("Khu vực", "khu vực", StringComparison.Ordinal)}");
            }).ToList();
            db.Hamlets.AddRange(hamlets);
            units.Add((demo, unit, hamlets));
        }

        await db.SaveChangesAsync(ct);
        var held = await DemoOutreach.SeedAsync(db, units, now, ct);

        var procedures = await db.Procedures.Include(p => p.Versions).OrderBy(p => p.Code).ToListAsync(ct);
        var calendarBase = await db.LoadCalendarAsync(null, ct);
        var dossiers = new List<Dossier>();
        var sequences = new Dictionary<(Guid, DateOnly), int>();
        foreach (var (demo, unit, hamlets) in units)
        {
            var generator = new Generator(demo, unit, hamlets, procedures, calendarBase.WithHours(unit.Hours), new Random(demo.Code.Sum(c => c)), now, sequences, held[unit.Id]);
            dossiers.AddRange(generator.Run());
        }

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var chunk in dossiers.Chunk(500))
        {
            db.Dossiers.AddRange(chunk);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        await SeedQualityAsync(db, dossiers, [.. units.Select(u => u.Unit)], calendarBase, now, ct);
        db.DossierSequences.AddRange(sequences.Select(s => new DossierSequence { UnitId = s.Key.Item1, Day = s.Key.Item2, Last = s.Value }));
        db.Audit(AuditActions.DemoSeed, null, null, $"{Units.Count} units, {dossiers.Count} dossiers");
        await db.SaveChangesAsync(ct);
        await DemoOutreach.ReplanAsync(db, time, ct);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        db.AuditChanges = true;
    }

    private sealed class Generator(
        DemoUnit demo,
        Unit unit,
        List<Hamlet> hamlets,
        List<Procedure> procedures,
        WorkingCalendar calendar,
        Random rng,
        DateTimeOffset now,
        Dictionary<(Guid, DateOnly), int> sequences,
        IReadOnlyList<DemoOutreach.HeldSession> held)
    {
        private readonly string[] _officers = Officers(demo);
        private readonly List<Applicant> _residents = [];

        public IEnumerable<Dossier> Run()
        {
            var today = WorkingCalendar.LocalDate(now);
            for (var day = today.AddDays(-Days); day <= today; day = day.AddDays(1))
            {
                if (calendar.IsWorkingDay(day))
                {
                    var count = demo.DossiersPerDay / 2 + rng.Next(demo.DossiersPerDay + 1);
                    for (var i = 0; i < count; i++)
                    {
                        // Outreach dossiers come from the campaign's sessions below.
                        var channel = Pick((Channel.Counter, 58), (Channel.Online, 32), (Channel.Post, 4), (Channel.HomeVisit, 6));
                        // Online dossiers arrive at any hour; the others during office hours.
                        var at = channel == Channel.Online
                            ? WorkingCalendar.At(day, TimeOnly.MinValue).AddMinutes(rng.Next(24 * 60))
                            : calendar.AddWorkingMinutes(WorkingCalendar.At(day, calendar.Hours.Opens), 1 + rng.Next(calendar.Hours.MinutesPerDay - 1));
                        if (Make(channel, at) is { } d)
                        {
                            yield return d;
                        }
                    }
                }

                foreach (var session in held.Where(s => s.Date == day))
                {
                    // A weekend session in a hamlet: its people, in the half-day it was held.
                    var opens = session.Slot == SessionSlot.Morning ? new TimeOnly(7, 30) : new TimeOnly(13, 30);
                    var times = Enumerable.Range(0, session.Cases).Select(_ => WorkingCalendar.At(day, opens).AddMinutes(rng.Next(200))).Order().ToList();
                    foreach (var at in times)
                    {
                        if (Make(Channel.Outreach, at, session) is { } d)
                        {
                            yield return d;
                        }
                    }
                }
            }
        }

        private Dossier? Make(Channel channel, DateTimeOffset at, DemoOutreach.HeldSession? session = null)
        {
            if (at > now)
            {
                return null;
            }

            var candidates = procedures.Where(p => p.VersionOn(WorkingCalendar.LocalDate(at))?.Allows(channel) == true
                && (session is null || DemoOutreach.Procedures.Contains(p.Code))).ToList();
            if (candidates.Count == 0)
            {
                return null;
            }

            var procedure = PickProcedure(candidates, channel);
            var day = WorkingCalendar.LocalDate(at);
            var key = (unit.Id, day);
            var sequence = sequences.GetValueOrDefault(key) + 1;
            if (sequence > DossierNumber.MaxSequence)
            {
                return null;
            }

            sequences[key] = sequence;
            var version = procedure.RequireVersionOn(day);
            var verify = version.ExtendedTimeLimit is not null && rng.Next(10) == 0;
            var counter = _officers[0];
            var applicant = Resident(session?.HamletId);
            if (version.TimeLimit.Kind == TimeLimitKind.None && applicant.CitizenId is { } id)
            {
                // Assisted services rest on the person's consent, as at a real counter.
                applicant = new Applicant(id, applicant.FullName, applicant.Phone, applicant.Address, applicant.HamletId, PersonalDataBasis.Consent, at);
            }

            var dossier = Dossier.Receive(
                new DossierIntake(Guid.NewGuid(), unit.Id, new DossierNumber(unit.Code, day, sequence), procedure, applicant, channel,
                    LookupSecret.New(), channel == Channel.Online ? Actors.Citizen : counter,
                    channel.AllowsFieldTimestamp() ? at : null, verify, OutreachSessionId: session?.Id,
                    PriorityGroups: session is null ? PriorityGroup.None : Priority(procedure.Code)),
                at,
                calendar);
            Live(dossier, at);
            return dossier;
        }

        private void Live(Dossier d, DateTimeOffset at)
        {
            var specialist = _officers[1 + rng.Next(_officers.Length - 1)];
            var t = at;
            bool Step(DossierAction action, double workingMinutes, string? reason = null, string? to = null)
            {
                var next = calendar.AddWorkingMinutes(calendar.StartOfWork(t), (long)Math.Max(1, workingMinutes));
                if (next > now)
                {
                    return false;
                }

                t = next;
                try
                {
                    d.Apply(new DossierCommand(action, d.Version, action == DossierAction.Withdraw ? Actors.Citizen : d.HandlerId ?? _officers[0], reason, to), t, calendar);
                    return true;
                }
                catch (DomainRuleException)
                {
                    return false;
                }
            }

            if (d.Status == DossierStatus.NewlyRegistered)
            {
                if (rng.Next(50) == 0)
                {
                    Step(DossierAction.Decline, 60 + rng.Next(300), "Hồ sơ nộp trực tuyến không đúng thủ tục, đề nghị nộp lại đúng thủ tục.");
                    return;
                }

                if (!Step(DossierAction.Accept, 30 + rng.Next(400)))
                {
                    return;
                }
            }

            var quick = demo.Punctual;
            if (!Step(DossierAction.HandOver, 5 + rng.Next(quick ? 10 : 60), to: specialist) || !Step(DossierAction.StartProcessing, 5 + rng.Next(quick ? 10 : 90)))
            {
                return;
            }

            var dueMinutes = d.DueAt is { } due ? calendar.WorkingMinutesBetween(t, due) : 8 * 60 * 3;
            var roll = rng.Next(1000);
            if (roll < 10)
            {
                Step(DossierAction.Withdraw, dueMinutes * 0.3, "Công dân xin rút hồ sơ.");
                return;
            }

            if (roll < 25)
            {
                Step(DossierAction.Stop, dueMinutes * 0.5, "Hồ sơ không đủ điều kiện giải quyết theo quy định.");
                return;
            }

            if (roll < 110)
            {
                if (!Step(DossierAction.RequestSupplement, dueMinutes * 0.2, "Đề nghị bổ sung bản sao giấy tờ chứng minh nơi cư trú.")
                    || !Step(DossierAction.SupplementReceived, 8 * 60 * (1 + rng.Next(5))))
                {
                    return;
                }

                var askedTwice = roll < 45;
                if (askedTwice && !(Step(DossierAction.RequestSupplement, 240, "Đề nghị bổ sung tờ khai có chữ ký.") && Step(DossierAction.SupplementReceived, 8 * 60 * (1 + rng.Next(3)))))
                {
                    return;
                }

                dueMinutes = d.DueAt is { } due2 ? calendar.WorkingMinutesBetween(t, due2) : dueMinutes;
            }

            var fee = procedures.First(p => p.Id == d.ProcedureId).Versions.First(v => v.Id == d.ProcedureVersionId).Fee;
            if (fee.IsCharged && rng.Next(3) == 0 && !(Step(DossierAction.RequestPayment, 30) && Step(DossierAction.PaymentReceived, quick ? 10 + rng.Next(50) : 60 + rng.Next(600))))
            {
                return;
            }

            // Most dossiers end early, some on the due day, a few late; a clerk is faster on same-day papers.
            var share = rng.Next(100) switch
            {
                < 80 => 0.15 + (rng.NextDouble() * 0.6),
                < 95 => 0.97,
                _ when quick && rng.Next(5) != 0 => 0.9,
                _ => 1.1 + rng.NextDouble(),
            };
            var finishIn = Math.Max(10, dueMinutes * share);
            if (!Step(DossierAction.Complete, finishIn))
            {
                return;
            }

            if (rng.Next(20) != 0)
            {
                Step(DossierAction.ReturnResult, 30 + rng.Next(8 * 60 * 3));
            }
        }

        /// <summary>The priority groups an officer ticks for a person met in a hamlet, given what they came for.</summary>
        private PriorityGroup Priority(string procedure)
        {
            var groups = procedure switch
            {
                "1.001776" => rng.Next(3) == 0 ? PriorityGroup.Disabled | PriorityGroup.SocialProtection : PriorityGroup.Elderly | PriorityGroup.SocialProtection,
                "HT.0001" => PriorityGroup.CashWithoutBankAccount | PriorityGroup.SocialProtection,
                _ => PriorityGroup.None,
            };
            if (rng.Next(4) == 0)
            {
                groups |= PriorityGroup.Elderly;
            }

            if (rng.Next(12) == 0)
            {
                groups |= PriorityGroup.PendingProcedure;
            }

            return groups;
        }

        private Applicant Resident(Guid? hamletId = null)
        {
            if (hamletId is null && _residents.Count > 300 && rng.Next(4) == 0)
            {
                // A returning applicant: a copy, since each dossier owns its applicant row.
                return _residents[rng.Next(_residents.Count)].Copy();
            }

            var female = rng.Next(2) == 0;
            var family = demo.Highlands && rng.Next(3) == 0 ? HighlandFamilyNames[rng.Next(HighlandFamilyNames.Length)] : FamilyNames[rng.Next(FamilyNames.Length)];
            var name = $"{family} {(female ? FemaleMiddle[rng.Next(FemaleMiddle.Length)] : MaleMiddle[rng.Next(MaleMiddle.Length)])} {(female ? FemaleGiven[rng.Next(FemaleGiven.Length)] : MaleGiven[rng.Next(MaleGiven.Length)])}";
            var year = 1935 + rng.Next(88);
            var centuryDigit = (year >= 2000 ? 2 : 0) + (female ? 1 : 0);
            var id = string.Create(CultureInfo.InvariantCulture, $"{demo.CitizenProvince}{centuryDigit}{year % 100:00}{rng.Next(1_000_000):000000}");
            var phone = string.Create(CultureInfo.InvariantCulture, $"09{rng.Next(100_000_000):00000000}");
            var hamlet = hamletId is { } h ? hamlets.Single(x => x.Id == h) : hamlets[rng.Next(hamlets.Count)];
            var applicant = new Applicant(CitizenId.Parse(id), name, PhoneNumber.Parse(phone),
                string.Create(CultureInfo.InvariantCulture, $"Số {1 + rng.Next(200)}, {hamlet.Name}, {unit.Name}"), hamlet.Id);
            _residents.Add(applicant);
            return applicant;
        }

        private Procedure PickProcedure(List<Procedure> candidates, Channel channel)
        {
            int Weight(Procedure p) => p.Code switch
            {
                "2.000815" => channel is Channel.Outreach or Channel.HomeVisit ? 6 : 30,
                "1.001193" => 14,
                "1.004222" => 12,
                "1.014137" => 10,
                "1.001776" => channel is Channel.Outreach or Channel.HomeVisit ? 22 : 6,
                "HT.0001" => channel is Channel.Outreach or Channel.HomeVisit ? 14 : 1,
                "1.000656" => 5,
                "1.003197" => 5,
                "2.000635" => 8,
                "1.001612" => demo.Highlands ? 6 : 3,
                _ => 4,
            };
            var total = candidates.Sum(Weight);
            var r = rng.Next(total);
            foreach (var p in candidates)
            {
                r -= Weight(p);
                if (r < 0)
                {
                    return p;
                }
            }

            return candidates[^1];
        }

        private T Pick<T>(params (T Value, int Weight)[] options)
        {
            var r = rng.Next(options.Sum(o => o.Weight));
            foreach (var (value, weight) in options)
            {
                r -= weight;
                if (r < 0)
                {
                    return value;
                }
            }

            return options[^1].Value;
        }
    }
}

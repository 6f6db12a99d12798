using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Outreach;
using MotCua.Domain.Units;
using MotCua.Web.Features.Outreach;
using MotCua.Web.Platform.Auth;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Outreach;

/// <summary>Gives a test commune what a leader enters before planning: hamlet profiles, travel times, and a team of real staff accounts.</summary>
internal static class OutreachSetup
{
    /// <summary>Saturdays 7 Mar – 25 Apr 2026 (today in the tests is Monday 2 Mar), both half-days.</summary>
    public static CreateCampaignRequest Campaign(string name = "Thứ Bảy phục vụ nhân dân", int target = 120, int maxDays = 4) =>
        new(name, new DateOnly(2026, 3, 7), new DateOnly(2026, 4, 25), [DayOfWeek.Saturday], [SessionSlot.Morning, SessionSlot.Afternoon],
            ["1.001193", "1.001776"], 30, 30, target, maxDays, 30);

    public sealed record Team(Guid Id, IReadOnlyList<string> Members);

    /// <summary>Profiles for the unit's hamlets (demand 40, 50, 60…), 10 minutes between any two, and one team.</summary>
    public static async Task<Team> PrepareAsync(TestUnit unit, int members = 4, int crew = 2, IReadOnlyList<DateOnly>? unavailableForFirst = null)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var ids = new List<string>();
        for (var i = 0; i < members; i++)
        {
            ids.Add((await unit.App.CreateUserAsync(Roles.FieldAgent, unit.Code, fullName: $"Thành viên {i + 1}")).Id);
        }

        var teamId = await unit.App.WithDbAsync(async db =>
        {
            var hamlets = await db.Hamlets.Where(h => h.UnitId == unit.Id).OrderBy(h => h.Name).ToListAsync();
            for (var i = 0; i < hamlets.Count; i++)
            {
                var h = hamlets[i];
                h.UpdateProfile(h.DistanceKm, h.TravelMinutes, h.Population, $"Nhà văn hoá {h.Name.ToLowerInvariant()}", new HamletPriority(10 * (i + 1), i, 20, 5, 3), 40 + (10 * i));
                foreach (var other in hamlets.Where(o => o.Id != h.Id))
                {
                    db.HamletTravel.Add(new HamletTravel(unit.Id, h.Id, other.Id, 10));
                }
            }

            var team = new Domain.Outreach.Team(unit.Id, "Tổ lưu động 1", crew, Equipment.Laptop | Equipment.Printer | Equipment.Scanner | Equipment.Power | Equipment.MobileData,
                [.. ids.Select((id, i) => new TeamMember(id, ["1.001193", "1.001776"], i == 0 ? unavailableForFirst ?? [] : []))]);
            db.Teams.Add(team);
            await db.SaveChangesAsync();
            return team.Id;
        });
        return new Team(teamId, ids);
    }

    public static async Task<CampaignResponse> CreateAsync(TestUnit unit, CreateCampaignRequest? request = null)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var response = await unit.Client.PostJsonAsync("/api/outreach/campaigns", request ?? Campaign());
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<CampaignResponse>();
    }
}

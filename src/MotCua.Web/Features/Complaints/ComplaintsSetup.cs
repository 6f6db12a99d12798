using MotCua.Domain.Quality;
using MotCua.Web.Platform.Auth;

namespace MotCua.Web.Features.Complaints;

/// <summary>
/// Complaints and recommendations (PAKN): their time limits and who may read and handle them. The limits are counted
/// in working days (<see cref="FeedbackTimeLimits.Default"/>: 15 to handle, 2 to refuse, 5 after asking for more);
/// a province changes them with <c>MotCua:Quality:Feedback:HandleWorkingDays</c>, <c>RefuseWorkingDays</c> and
/// <c>SupplementWorkingDays</c>.
/// </summary>
public static class ComplaintsSetup
{
    public static IServiceCollection AddMotCuaComplaints(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(Limits(configuration));
        var cap = configuration.GetValue("MotCua:Quality:Feedback:AnonymousPerDay", AnonymousFeedbackCap.DefaultPerDay);
        services.AddSingleton(new AnonymousFeedbackCap(cap < 0 ? throw new InvalidOperationException("MotCua:Quality:Feedback:AnonymousPerDay is 0 or more.") : cap));
        services.AddAuthorizationBuilder()
            .AddPolicy(FeedbackPolicies.Read, p => p.RequireRole(Roles.CentreLeader, Roles.CounterOfficer, Roles.Specialist, Roles.ProvinceViewer))
            .AddPolicy(FeedbackPolicies.Handle, p => p.RequireRole(Roles.CentreLeader, Roles.CounterOfficer, Roles.Specialist).RequireClaim(StaffClaims.Unit));
        return services;
    }

    public static FeedbackTimeLimits Limits(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var d = FeedbackTimeLimits.Default;
        var limits = new FeedbackTimeLimits(
            configuration.GetValue("MotCua:Quality:Feedback:HandleWorkingDays", d.HandleWorkingDays),
            configuration.GetValue("MotCua:Quality:Feedback:RefuseWorkingDays", d.RefuseWorkingDays),
            configuration.GetValue("MotCua:Quality:Feedback:SupplementWorkingDays", d.SupplementWorkingDays));
        if (limits.HandleWorkingDays < 1 || limits.RefuseWorkingDays < 1 || limits.SupplementWorkingDays < 1)
        {
            throw new InvalidOperationException("Feedback time limits are whole working days, at least 1.");
        }

        return limits;
    }
}

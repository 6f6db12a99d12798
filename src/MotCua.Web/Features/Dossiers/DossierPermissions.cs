using System.Security.Claims;
using MotCua.Domain.Dossiers;
using MotCua.Web.Platform;
using MotCua.Web.Platform.Auth;

namespace MotCua.Web.Features.Dossiers;

/// <summary>Which role may take which action on a dossier: the counter receives and returns, specialists process, leaders may do all.</summary>
public static class DossierPermissions
{
    private static readonly Dictionary<DossierAction, string[]> ActionRoles = new()
    {
        [DossierAction.Accept] = [Roles.CounterOfficer, Roles.CentreLeader],
        [DossierAction.Decline] = [Roles.CounterOfficer, Roles.CentreLeader],
        [DossierAction.StartProcessing] = [Roles.Specialist, Roles.CentreLeader],
        [DossierAction.HandOver] = [Roles.CounterOfficer, Roles.Specialist, Roles.CentreLeader],
        [DossierAction.RequestSupplement] = [Roles.CounterOfficer, Roles.Specialist, Roles.CentreLeader],
        [DossierAction.SupplementReceived] = [Roles.CounterOfficer, Roles.Specialist, Roles.CentreLeader],
        [DossierAction.RequestPayment] = [Roles.CounterOfficer, Roles.Specialist, Roles.CentreLeader],
        [DossierAction.PaymentReceived] = [Roles.CounterOfficer, Roles.Specialist, Roles.CentreLeader],
        [DossierAction.Complete] = [Roles.Specialist, Roles.CentreLeader],
        [DossierAction.ReturnResult] = [Roles.CounterOfficer, Roles.CentreLeader],
        [DossierAction.Withdraw] = [Roles.CounterOfficer, Roles.CentreLeader],
        [DossierAction.Stop] = [Roles.Specialist, Roles.CentreLeader],
        [DossierAction.Apologise] = [Roles.CounterOfficer, Roles.Specialist, Roles.CentreLeader],
    };

    public static bool May(ClaimsPrincipal user, DossierAction action)
    {
        ArgumentNullException.ThrowIfNull(user);
        return ActionRoles.TryGetValue(action, out var roles) && roles.Any(user.IsInRole);
    }

    /// <summary>The actions the state machine allows now that this user may take here (none on a field kit, which only receives).</summary>
    public static IEnumerable<DossierAction> AllowedFor(Dossier dossier, ClaimsPrincipal user, NodeRole node)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(node);
        return node.TakesDossierSteps ? dossier.AllowedActions().Where(a => May(user, a)) : [];
    }
}

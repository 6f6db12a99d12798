using System.Security.Claims;
using MotCua.Domain;

namespace MotCua.Web.Data;

/// <summary>Who is calling and what they may see, for the data layer and the audit trail. One per request.</summary>
public sealed class CallerContext
{
    public DataScope Scope { get; set; } = DataScope.None;

    public string ActorId { get; set; } = "anonymous";

    public string? ActorName { get; set; }

    public string? Ip { get; set; }

    public Guid? UnitId { get; set; }

    public ClaimsPrincipal? User { get; set; }

    public void UseSystem(string actor = Actors.System)
    {
        Scope = DataScope.System;
        ActorId = actor;
        ActorName = actor;
    }
}

namespace MotCua.Domain.Catalog;

/// <summary>
/// How a dossier reached the centre. Counter, online and post keep the national portal's channel numbers 1–3
/// (Index 766 counts the online share by them); outreach sessions and home visits are received in person by a mobile team.
/// </summary>
public enum Channel
{
    Counter = 1,
    Online = 2,
    Post = 3,
    Outreach = 4,
    HomeVisit = 5,
}

public static class ChannelRules
{
    /// <summary>Channels whose dossiers may carry a receipt time recorded earlier in the field.</summary>
    public static bool AllowsFieldTimestamp(this Channel channel) => channel is Channel.Outreach or Channel.HomeVisit;

    /// <summary>Online dossiers are registered first (state 1) and only count as received when an officer accepts them.</summary>
    public static bool NeedsAcceptance(this Channel channel) => channel == Channel.Online;
}

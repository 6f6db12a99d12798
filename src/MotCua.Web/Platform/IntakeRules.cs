using System.Security.Claims;
using MotCua.Domain;
using MotCua.Domain.Calendar;
using MotCua.Domain.Catalog;
using MotCua.Web.Data.Dossiers;
using MotCua.Web.Platform.Auth;

namespace MotCua.Web.Platform;

/// <summary>
/// Which channel an officer may record and how far back a receipt time may go, the same for the counter page and
/// <c>POST /api/dossiers</c> (a dossier's channel and receipt day move Index 766 and the registers).
/// </summary>
/// <remarks>
/// A field agent receives dossiers in outreach sessions and home visits only. An online dossier comes from the public
/// portal: the page never offers it, and through the API only the roles that accept online dossiers (centre leaders,
/// counter officers: the portal connector's account) may register one. A receipt time given for an outreach or home-visit
/// dossier keyed in at the centre may go back at most <see cref="MaxBackdateDays"/> calendar days (a weekend session keyed
/// in on Monday); a field kit's dossiers are bounded instead by the day of the number block their receipt was printed from.
/// </remarks>
public static class IntakeRules
{
    public const int MaxBackdateDays = 3;

    /// <summary>Whether <paramref name="user"/> may record a dossier received through <paramref name="channel"/> (<paramref name="api"/>: through the API).</summary>
    public static bool MayUse(ClaimsPrincipal user, Channel channel, IntakeNumbering numbering, bool api)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(numbering);

        // A dossier numbered in the field is an outreach or home-visit one (ReceiveDossier.Accepts says the same).
        if (numbering.InTheField && !channel.AllowsFieldTimestamp())
        {
            return false;
        }

        var desk = user.IsInRole(Roles.CentreLeader) || user.IsInRole(Roles.CounterOfficer);
        return channel switch
        {
            Channel.Online => api && desk,
            Channel.Outreach or Channel.HomeVisit => true,
            _ => desk,
        };
    }

    /// <summary>Refuses a channel the caller may not record.</summary>
    public static void Check(ClaimsPrincipal user, Channel channel, IntakeNumbering numbering, bool api)
    {
        if (!MayUse(user, channel, numbering, api))
        {
            throw new DomainRuleException("dossier.channel-not-permitted",
                channel == Channel.Online ? "Online dossiers come from the public portal; officers do not record them by hand." : "Your role receives dossiers in outreach sessions and home visits only.");
        }
    }

    /// <summary>The earliest receipt time an officer may record at the centre now: the start of the day <see cref="MaxBackdateDays"/> days ago.</summary>
    public static DateTimeOffset EarliestReceipt(DateTimeOffset now) => WorkingCalendar.At(WorkingCalendar.LocalDate(now).AddDays(-MaxBackdateDays), TimeOnly.MinValue);
}

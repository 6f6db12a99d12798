namespace MotCua.Web.Features.Complaints;

/// <summary>
/// How many complaints and recommendations a commune takes in a day from people who name no dossier
/// (<c>MotCua:Quality:Feedback:AnonymousPerDay</c>, default 30). Each one counts in Index 766 (handled on time,
/// satisfaction with the answer), so without a cap anyone could flood a commune's index with items nobody can answer
/// in time. Feedback about a dossier (its number and receipt secret) proves a real citizen and is never capped.
/// </summary>
public sealed record AnonymousFeedbackCap(int PerDay)
{
    public const int DefaultPerDay = 30;
}

namespace MotCua.Web.Features.Complaints;

/// <summary>Authorization policies of complaints and recommendations (PAKN).</summary>
public static class FeedbackPolicies
{
    /// <summary>Read feedback of the user's scope (submitters' names and phones masked unless <see cref="Handle"/>).</summary>
    public const string Read = "feedback.read";

    /// <summary>Classify, assign, answer, refuse feedback of the user's unit.</summary>
    public const string Handle = "feedback.handle";
}

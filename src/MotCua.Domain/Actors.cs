namespace MotCua.Domain;

/// <summary>Who acted, when it was not a staff account: the ids written in a dossier's or a complaint's history and in the audit trail.</summary>
public static class Actors
{
    /// <summary>Work the application does itself (migrations, seeding, commands).</summary>
    public const string System = "system";

    /// <summary>The citizen acting for themselves (an online submission, a withdrawal request, a rating).</summary>
    public const string Citizen = "citizen";
}

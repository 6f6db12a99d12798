
namespace MotCua.Web.Data.FieldSync;

public enum OutboxState
{
    /// <summary>Not yet confirmed by the centre (including after a retriable refusal).</summary>
    Pending = 1,

    /// <summary>The centre holds it.</summary>
    Synced = 2,

    /// <summary>Delivered, but the dossier had changed at the centre: a leader there decides.</summary>
    Conflict = 3,

    /// <summary>Refused for good; the problem says why. The data stays on the laptop.</summary>
    Rejected = 4,
}

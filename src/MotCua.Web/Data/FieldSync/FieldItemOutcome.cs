using System.Text.Json.Serialization;

namespace MotCua.Web.Data.FieldSync;

public enum FieldItemOutcome
{
    /// <summary>The centre now holds the item (a new dossier, or the step recorded).</summary>
    Created = 1,

    /// <summary>The centre already held it from an earlier delivery: nothing was done twice.</summary>
    [JsonStringEnumMemberName("already-synced")]
    AlreadySynced = 2,

    /// <summary>The dossier changed at the centre since the kit: a leader decides (the item is delivered).</summary>
    Conflict = 3,

    /// <summary>Not taken; the problem says why and whether sending it again can help.</summary>
    Rejected = 4,
}


namespace MotCua.Web.Data.FieldSync;

public enum ConflictResolution
{
    /// <summary>The field's step was applied to the dossier as it is now.</summary>
    Applied = 1,

    /// <summary>The centre's version was kept; the field's step was not applied.</summary>
    Kept = 2,
}

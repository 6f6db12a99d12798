
namespace MotCua.Web.Data.FieldSync;

public enum FieldItemKind
{
    /// <summary>A dossier received in the field.</summary>
    Dossier = 1,

    /// <summary>A step taken in the field on a dossier the kit brought (supplement received, result returned).</summary>
    Transition = 2,
}

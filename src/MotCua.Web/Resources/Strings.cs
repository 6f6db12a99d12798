namespace MotCua.Web.Resources;

/// <summary>
/// Marker for the shared UI strings (Strings.resx: Vietnamese, the default; Strings.en.resx; Strings.id.resx).
/// Edit Strings.tsv and run <c>python3 scripts/resx.py</c>.
/// </summary>
public sealed class Strings;

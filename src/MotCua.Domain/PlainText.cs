namespace MotCua.Domain;

/// <summary>Checks for the short single-line texts people type (names, places): no control characters, no NUL.</summary>
public static class PlainText
{
    /// <summary>True when the text is null or holds no control character (tabs and line breaks included).</summary>
    public static bool IsSingleLine(string? text) => text is null || !text.Any(char.IsControl);
}

using SkiaSharp;

namespace MotCua.Web.Platform.Printing;

/// <summary>
/// The two bundled Noto Sans faces, read once from the assembly's resources. Name-based lookup is never used: on a
/// server without the font it silently falls back to another family (DejaVu drops stacked Vietnamese accents) or to
/// nothing at all, and the PDF would then depend on what happens to be installed.
/// </summary>
internal static class PdfFonts
{
    public const string RegularResource = "MotCua.Fonts.NotoSans-Regular.ttf";
    public const string BoldResource = "MotCua.Fonts.NotoSans-Bold.ttf";

    private static readonly Lazy<(SKData Data, SKTypeface Face)> RegularFace = new(() => Load(RegularResource));
    private static readonly Lazy<(SKData Data, SKTypeface Face)> BoldFace = new(() => Load(BoldResource));

    public static SKTypeface Get(bool bold) => bold ? BoldFace.Value.Face : RegularFace.Value.Face;

    private static (SKData Data, SKTypeface Face) Load(string resource)
    {
        using var stream = typeof(PdfFonts).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException(
                $"Embedded font '{resource}' is missing: add the TTF as an EmbeddedResource with that LogicalName.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);

        // The data stays referenced next to the face for the life of the process: whether the native typeface holds its
        // own reference has varied between SkiaSharp releases, and a freed buffer would corrupt every later render.
        var data = SKData.CreateCopy(buffer.ToArray());
        var face = SKTypeface.FromData(data);
        if (face is null)
        {
            data.Dispose();
            throw new InvalidOperationException($"Embedded font '{resource}' could not be parsed as a font.");
        }

        return (data, face);
    }
}

/// <summary>
/// SKFont objects for one layout or render pass, keyed by face and size. SKFont is mutable and not thread-safe, so each
/// pass owns its own set while the typefaces underneath stay shared.
/// </summary>
internal sealed class PdfFontSet : IDisposable
{
    private readonly Dictionary<(bool Bold, float Size), SKFont> _fonts = [];

    public SKFont Get(bool bold, float size)
    {
        if (!_fonts.TryGetValue((bold, size), out var font))
        {
            font = new SKFont(PdfFonts.Get(bold), size)
            {
                // Unhinted, linear metrics: widths measured for wrapping must be the widths the PDF viewer uses.
                Hinting = SKFontHinting.None,
                LinearMetrics = true,
                Subpixel = true,
                Edging = SKFontEdging.Antialias,
            };
            _fonts[(bold, size)] = font;
        }

        return font;
    }

    public void Dispose()
    {
        foreach (var font in _fonts.Values)
        {
            font.Dispose();
        }

        _fonts.Clear();
    }
}

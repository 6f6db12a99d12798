using SkiaSharp;

namespace MotCua.Web.Platform.Printing;

/// <summary>
/// A laid-out page as a list of drawing operations. Layout finishes before anything is drawn because the page count
/// ("1/3") is only known once the whole form has been paginated, and SKDocument pages cannot be revisited.
/// </summary>
internal sealed class PdfPage(float width, float height)
{
    public float Width { get; } = width;

    public float Height { get; } = height;

    public List<PdfDrawOp> Ops { get; } = [];
}

internal abstract record PdfDrawOp;

/// <param name="Baseline">Y of the baseline, in points from the top of the page.</param>
internal sealed record PdfTextOp(string Text, float X, float Baseline, bool Bold, float Size) : PdfDrawOp;

internal sealed record PdfLineOp(float X1, float Y1, float X2, float Y2, float Thickness) : PdfDrawOp;

/// <summary>Rectangles filled as one path, so touching QR modules leave no hairline seams when rasterised.</summary>
internal sealed record PdfFillOp(IReadOnlyList<SKRect> Rects, SKColor Color) : PdfDrawOp;

internal enum PdfAlign
{
    Left,
    Centre,
    Right,
}

/// <summary>Page geometry and type sizes per paper size, in points.</summary>
internal sealed record PdfPageStyle(
    float Width,
    float Height,
    float MarginX,
    float MarginTop,
    float MarginBottom,
    float HeaderSize,
    float BodySize,
    float TitleSize,
    float SmallSize,
    float TableSize)
{
    public const float PointsPerMm = 72f / 25.4f;

    // Skia writes the MediaBox in whole points, so the sheet is laid out on the rounded size (the usual 420 × 595 and
    // 595 × 842 pt) to keep the margins symmetric; both are within 0.2 mm of the ISO sizes.
    public static PdfPageStyle For(PaperSize size) => size switch
    {
        PaperSize.A5 => new(MathF.Round(148 * PointsPerMm), MathF.Round(210 * PointsPerMm), 13 * PointsPerMm, 12 * PointsPerMm, 12 * PointsPerMm,
            HeaderSize: 9f, BodySize: 10f, TitleSize: 12f, SmallSize: 7.5f, TableSize: 8.5f),
        PaperSize.A4 => new(MathF.Round(297 * PointsPerMm), MathF.Round(210 * PointsPerMm), 14 * PointsPerMm, 12 * PointsPerMm, 12 * PointsPerMm,
            HeaderSize: 10f, BodySize: 11f, TitleSize: 14f, SmallSize: 8.5f, TableSize: 9f),
        PaperSize.A4Portrait => new(MathF.Round(210 * PointsPerMm), MathF.Round(297 * PointsPerMm), 15 * PointsPerMm, 15 * PointsPerMm, 14 * PointsPerMm,
            HeaderSize: 11f, BodySize: 12f, TitleSize: 14f, SmallSize: 8.5f, TableSize: 9f),
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, "Only A5 and A4 forms have a PDF layout."),
    };
}

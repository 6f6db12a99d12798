using SkiaSharp;

namespace MotCua.Web.Platform.Printing;

/// <summary>
/// Renders printed forms to PDF with SkiaSharp and the bundled Noto Sans faces, so that the file reads the same on any
/// machine: every Vietnamese letter is embedded, the text can be copied and searched, and the QR stays vector.
/// </summary>
public static class PdfFormRenderer
{
    private const string Creator = "MotCua";
    private const string Producer = "MotCua.Printing (SkiaSharp)";

    public static byte[] Render(PrintedForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return Render([form]);
    }

    /// <summary>One PDF with each form starting on a new page; page numbers ("1/2") count within each form.</summary>
    public static byte[] Render(IReadOnlyList<PrintedForm> forms)
    {
        ArgumentNullException.ThrowIfNull(forms);
        if (forms.Count == 0)
        {
            throw new ArgumentException("At least one form is needed: a PDF cannot have zero pages.", nameof(forms));
        }

        // Lay everything out first so that a form with bad data fails before any bytes are produced.
        var pages = new List<PdfPage>();
        foreach (var form in forms)
        {
            ArgumentNullException.ThrowIfNull(form, nameof(forms));
            pages.AddRange(PdfFormComposer.Compose(form));
        }

        var metadata = SKDocumentPdfMetadata.Default;
        metadata.Title = DocumentTitle(forms);
        metadata.Creator = Creator;
        metadata.Producer = Producer;

        // Nothing is drawn as a bitmap today; this keeps any future image from being degraded to a low-quality JPEG.
        metadata.EncodingQuality = 101;

        using var output = new MemoryStream();
        using (var document = SKDocument.CreatePdf(output, metadata)
            ?? throw new InvalidOperationException("SkiaSharp could not create a PDF document."))
        {
            using var fonts = new PdfFontSet();
            using var fill = new SKPaint { Color = SKColors.Black, IsAntialias = true, Style = SKPaintStyle.Fill };
            using var stroke = new SKPaint { Color = SKColors.Black, IsAntialias = true, Style = SKPaintStyle.Stroke };
            foreach (var page in pages)
            {
                var canvas = document.BeginPage(page.Width, page.Height);
                DrawPage(canvas, page, fonts, fill, stroke);
                document.EndPage();
            }

            document.Close();
        }

        return output.ToArray();
    }

    private static string DocumentTitle(IReadOnlyList<PrintedForm> forms) =>
        string.Join("; ", forms.Select(f => PdfText.Clean(f.Title)).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal));

    private static void DrawPage(SKCanvas canvas, PdfPage page, PdfFontSet fonts, SKPaint fill, SKPaint stroke)
    {
        foreach (var op in page.Ops)
        {
            switch (op)
            {
                case PdfTextOp text:
                    canvas.DrawText(text.Text, text.X, text.Baseline, SKTextAlign.Left, fonts.Get(text.Bold, text.Size), fill);
                    break;
                case PdfLineOp line:
                    stroke.StrokeWidth = line.Thickness;
                    canvas.DrawLine(line.X1, line.Y1, line.X2, line.Y2, stroke);
                    break;
                case PdfFillOp area:
                    using (var path = new SKPath())
                    {
                        foreach (var rect in area.Rects)
                        {
                            path.AddRect(rect);
                        }

                        var colour = fill.Color;
                        fill.Color = area.Color;
                        canvas.DrawPath(path, fill);
                        fill.Color = colour;
                    }

                    break;
                default:
                    throw new NotSupportedException($"Unknown drawing operation {op.GetType().Name}.");
            }
        }
    }
}

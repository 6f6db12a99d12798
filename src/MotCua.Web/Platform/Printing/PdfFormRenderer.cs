namespace MotCua.Web.Platform.Printing;

// TEMPORARY until the SkiaSharp renderer lands: the HTML form is printable; the PDF download is not available yet.
public static class PdfFormRenderer
{
    public static byte[] Render(PrintedForm form) => throw new NotSupportedException("PDF rendering is being added.");
}

using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;


namespace MotCua.Web.Tests.Printing;

/// <summary>
/// Runs the Debian poppler-utils and zbar-tools binaries on a PDF written to a private temp folder. Using the real
/// readers is the point: they see what a citizen's viewer and phone camera will see.
/// </summary>
internal sealed partial class PdfTools : IDisposable
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(60);

    private readonly DirectoryInfo _folder;

    public PdfTools(byte[] pdf, string name)
    {
        _folder = Directory.CreateTempSubdirectory("motcua-pdf-");
        PdfPath = Path.Combine(_folder.FullName, name + ".pdf");
        File.WriteAllBytes(PdfPath, pdf);

        // Kept beside the test binaries for a human look after a run; tests never read these copies.
        var samples = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "samples"));
        File.WriteAllBytes(Path.Combine(samples.FullName, name + ".pdf"), pdf);
    }

    public string PdfPath { get; }

    /// <summary>pdftotext in reading order; pages are separated by form feeds.</summary>
    public string Text() => Run("pdftotext", "-enc", "UTF-8", PdfPath, "-");

    public string PageText(int page)
    {
        var number = page.ToString(CultureInfo.InvariantCulture);
        return Run("pdftotext", "-enc", "UTF-8", "-f", number, "-l", number, PdfPath, "-");
    }

    public string Fonts() => Run("pdffonts", PdfPath);

    public string RawInfo() => Run("pdfinfo", "-enc", "UTF-8", PdfPath);

    public PdfInfo Info()
    {
        var output = Run("pdfinfo", "-box", PdfPath);
        var pages = int.Parse(PagesLine().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var size = MediaBoxLine().Match(output);
        Assert.True(size.Success, "pdfinfo printed no media box:\n" + output);
        return new PdfInfo(
            pages,
            float.Parse(size.Groups[1].Value, CultureInfo.InvariantCulture),
            float.Parse(size.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>Word boxes from pdftotext -bbox (points, origin top-left), per page.</summary>
    public List<PdfWord> Words()
    {
        var html = Run("pdftotext", "-enc", "UTF-8", "-bbox", PdfPath, "-");
        var words = new List<PdfWord>();
        var page = 0;
        float width = 0, height = 0;
        foreach (Match m in BboxToken().Matches(html))
        {
            if (m.Groups["pw"].Success)
            {
                page++;
                width = Float(m.Groups["pw"].Value);
                height = Float(m.Groups["ph"].Value);
                continue;
            }

            words.Add(new PdfWord(
                page,
                width,
                height,
                Float(m.Groups["x0"].Value),
                Float(m.Groups["y0"].Value),
                Float(m.Groups["x1"].Value),
                Float(m.Groups["y1"].Value),
                System.Net.WebUtility.HtmlDecode(m.Groups["w"].Value)));
        }

        return words;
    }

    /// <summary>Rasterises page 1 at 200 dpi and returns what zbarimg decodes from it (empty when nothing is found).</summary>
    public string DecodeQr(int page = 1)
    {
        var number = page.ToString(CultureInfo.InvariantCulture);
        var prefix = Path.Combine(_folder.FullName, "page");
        Run("pdftoppm", "-r", "200", "-png", "-f", number, "-l", number, "-singlefile", PdfPath, prefix);
        var png = prefix + ".png";
        Assert.True(File.Exists(png), "pdftoppm wrote no image");
        return Run("zbarimg", allowFailure: true, "--raw", "-q", png).Trim();
    }

    /// <summary>Page 1 as 8-bit grey (0 = black) from pdftoppm's binary PGM output.</summary>
    public GreyImage Raster(int dpi)
    {
        var prefix = Path.Combine(_folder.FullName, "grey");
        Run("pdftoppm", "-r", dpi.ToString(CultureInfo.InvariantCulture), "-gray", "-f", "1", "-l", "1", "-singlefile", PdfPath, prefix);
        var bytes = File.ReadAllBytes(prefix + ".pgm");

        // Header: "P5", width, height, maxval, each followed by whitespace; pixels follow the last single whitespace.
        var fields = new List<int>();
        var at = 2;
        while (fields.Count < 3)
        {
            while (char.IsWhiteSpace((char)bytes[at]))
            {
                at++;
            }

            var start = at;
            while (!char.IsWhiteSpace((char)bytes[at]))
            {
                at++;
            }

            fields.Add(int.Parse(Encoding.ASCII.GetString(bytes, start, at - start), CultureInfo.InvariantCulture));
        }

        Assert.Equal("P5", Encoding.ASCII.GetString(bytes, 0, 2));
        Assert.Equal(255, fields[2]);
        return new GreyImage(fields[0], fields[1], dpi, bytes[(at + 1)..]);
    }

    public void Dispose()
    {
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the test over it would hide the real result.
        }
    }

    private static float Float(string s) => float.Parse(s, CultureInfo.InvariantCulture);

    private static string Run(string tool, params string[] args) => Run(tool, allowFailure: false, args);

    private static string Run(string tool, bool allowFailure, params string[] args)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(ToolTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} ran longer than {ToolTimeout}");
        }

        process.WaitForExit();
        if (!allowFailure && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} exited with {process.ExitCode}: {stderr.Result}");
        }

        return stdout.Result;
    }

    [GeneratedRegex(@"^Pages:\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex PagesLine();

    // "MediaBox:     0.00     0.00   419.53   595.28": the precise box, where "Page size" is rounded to whole points.
    [GeneratedRegex(@"^MediaBox:\s+0\.00\s+0\.00\s+([\d.]+)\s+([\d.]+)", RegexOptions.Multiline)]
    private static partial Regex MediaBoxLine();

    [GeneratedRegex("""<page width="(?<pw>[\d.]+)" height="(?<ph>[\d.]+)">|<word xMin="(?<x0>[\d.-]+)" yMin="(?<y0>[\d.-]+)" xMax="(?<x1>[\d.-]+)" yMax="(?<y1>[\d.-]+)">(?<w>[^<]*)</word>""")]
    private static partial Regex BboxToken();
}

internal sealed class GreyImage(int width, int height, int dpi, byte[] pixels)
{
    public int Width { get; } = width;

    public int Height { get; } = height;

    public float PointsPerPixel { get; } = 72f / dpi;

    public bool IsDark(int x, int y) => pixels[(y * Width) + x] < 128;

    /// <summary>Bounding box, in points, of the dark pixels inside a rectangle given in points; null when it is blank.</summary>
    public (float Left, float Top, float Right, float Bottom)? DarkBounds(float left, float top, float right, float bottom)
    {
        int x0 = (int)(left / PointsPerPixel), y0 = (int)(top / PointsPerPixel);
        int x1 = Math.Min(Width, (int)(right / PointsPerPixel)), y1 = Math.Min(Height, (int)(bottom / PointsPerPixel));
        int minX = int.MaxValue, minY = int.MaxValue, maxX = -1, maxY = -1;
        for (var y = Math.Max(0, y0); y < y1; y++)
        {
            for (var x = Math.Max(0, x0); x < x1; x++)
            {
                if (IsDark(x, y))
                {
                    minX = Math.Min(minX, x);
                    maxX = Math.Max(maxX, x);
                    minY = Math.Min(minY, y);
                    maxY = Math.Max(maxY, y);
                }
            }
        }

        return maxX < 0
            ? null
            : (minX * PointsPerPixel, minY * PointsPerPixel, (maxX + 1) * PointsPerPixel, (maxY + 1) * PointsPerPixel);
    }
}

internal sealed record PdfInfo(int Pages, float WidthPt, float HeightPt);

internal sealed record PdfWord(int Page, float PageWidth, float PageHeight, float XMin, float YMin, float XMax, float YMax, string Text);

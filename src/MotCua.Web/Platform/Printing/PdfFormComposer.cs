using System.Collections;
using System.Globalization;
using QRCoder;
using SkiaSharp;

namespace MotCua.Web.Platform.Printing;

/// <summary>
/// Lays one <see cref="PrintedForm"/> out on pages following the usual look of Vietnamese administrative forms
/// (Decree 30/2020 layout: issuer and national motto side by side, title centred, signatures at the foot).
/// </summary>
internal sealed class PdfFormComposer : IDisposable
{
    private const float Mm = PdfPageStyle.PointsPerMm;
    private const float ColumnGap = 4 * Mm;
    private const float BlockGap = 2.5f * Mm;
    private const float QrSymbol = 28 * Mm;
    private const float QrColumn = 36 * Mm;
    private const float SignatureSpace = 18 * Mm;
    private const float MinimumHeaderSize = 7f;
    private const float RuleThickness = 0.6f;
    private const float BorderThickness = 0.5f;
    private const float CellPadX = 1.2f * Mm;
    private const float CellPadY = 0.6f * Mm;
    private const float LabelGap = 1.5f * Mm;
    private const float ListIndent = 3 * Mm;

    private static readonly SKColor HeaderFill = new(0xE6, 0xE6, 0xE6);

    private readonly PrintedForm _form;
    private readonly PdfPageStyle _style;
    private readonly PdfFontSet _fonts = new();
    private readonly List<PdfPage> _pages = [];
    private readonly List<string> _footerLines;
    private readonly float _left;
    private readonly float _width;
    private readonly float _top;
    private readonly float _bottom;
    private readonly QrShape? _qr;
    private PdfPage _page;
    private float _y;

    private PdfFormComposer(PrintedForm form)
    {
        _form = form;
        _style = PdfPageStyle.For(form.Size);
        _left = _style.MarginX;
        _width = _style.Width - (2 * _style.MarginX);
        _top = _style.MarginTop;

        var footer = PdfText.Clean(form.Footer);
        _footerLines = footer.Length == 0 ? [] : PdfText.Wrap(footer, Font(false, _style.SmallSize), _width);
        var smallLine = LineHeight(false, _style.SmallSize);

        // The page-number line is reserved even on single-page forms so that page 1 lays out the same either way.
        _bottom = _style.Height - _style.MarginBottom - smallLine - (_footerLines.Count * smallLine) - (1.5f * Mm);
        _qr = form.Qr is null ? null : BuildQr(form.Qr);
        _page = AddPage();
    }

    public static IReadOnlyList<PdfPage> Compose(PrintedForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        using var composer = new PdfFormComposer(form);
        return composer.Run();
    }

    public void Dispose() => _fonts.Dispose();

    private List<PdfPage> Run()
    {
        PlaceFormCode();
        PlaceHeader();
        PlacePlaceAndDate();
        PlaceTitle();

        var qrBesideIndex = _qr is null ? -1 : IndexOfFirstFields(_form.Blocks);
        for (var i = 0; i < _form.Blocks.Count; i++)
        {
            switch (_form.Blocks[i])
            {
                case null:
                    continue;
                case FormParagraph paragraph:
                    PlaceParagraph(paragraph);
                    break;
                case FormFields fields when i == qrBesideIndex:
                    PlaceFieldsBesideQr(fields, _qr!);
                    break;
                case FormFields fields:
                    PlaceFields(fields, () => _width);
                    break;
                case FormList list:
                    PlaceList(list);
                    break;
                case FormTable table:
                    PlaceTable(table);
                    break;
                case var other:
                    throw new NotSupportedException($"Form block {other.GetType().Name} has no PDF layout.");
            }

            _y += BlockGap;
        }

        if (_qr is not null && qrBesideIndex < 0)
        {
            EnsureSpace(_qr.Height);
            _y = PlaceQr(_qr, _left, _y);
        }

        PlaceSignatures();
        PlaceFootersAndPageNumbers();
        return _pages;
    }

    private static int IndexOfFirstFields(IReadOnlyList<FormBlock> blocks)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is FormFields)
            {
                return i;
            }
        }

        return -1;
    }

    private void PlaceFormCode()
    {
        var code = PdfText.Clean(_form.FormCode);
        if (code.Length == 0)
        {
            return;
        }

        foreach (var line in PdfText.Wrap(code, Font(false, _style.SmallSize), _width / 2))
        {
            DrawText(line, false, _style.SmallSize, _left, _width, PdfAlign.Right, _y);
            _y += LineHeight(false, _style.SmallSize);
        }

        _y += 1 * Mm;
    }

    private void PlaceHeader()
    {
        var issuer = _form.Issuer.Select(PdfText.Clean).Where(l => l.Length > 0).ToList();
        var motto = _form.Motto.Select(PdfText.Clean).Where(l => l.Length > 0).ToList();
        if (issuer.Count == 0 && motto.Count == 0)
        {
            return;
        }

        var (size, leftWidth, rightWidth) = FitHeader(issuer, motto);
        var leftBottom = PlaceHeaderColumn(issuer, _left, leftWidth, size, underlinedLine: -1);
        if (issuer.Count > 0)
        {
            // The short rule under the agency name is part of the conventional letterhead.
            var ruleWidth = Math.Max(12 * Mm, issuer.Max(l => Font(false, size).MeasureText(l)) * 0.35f);
            ruleWidth = Math.Min(ruleWidth, leftWidth);
            var ruleY = leftBottom + 2f;
            var ruleX = _left + ((leftWidth - ruleWidth) / 2);
            _page.Ops.Add(new PdfLineOp(ruleX, ruleY, ruleX + ruleWidth, ruleY, RuleThickness));
            leftBottom = ruleY + 1f;
        }

        var rightBottom = PlaceHeaderColumn(motto, _left + leftWidth + ColumnGap, rightWidth, size, underlinedLine: 1);
        _y = Math.Max(leftBottom, rightBottom) + (3 * Mm);
    }

    /// <summary>
    /// The largest header size (down to a floor) at which both columns fit side by side on single lines, with the spare
    /// width shared between them. "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM" and a long centre name barely fit an A5 sheet,
    /// so fixed column proportions would wrap one of them.
    /// </summary>
    private (float Size, float LeftWidth, float RightWidth) FitHeader(List<string> issuer, List<string> motto)
    {
        var available = _width - ColumnGap;
        for (var size = _style.HeaderSize; size >= MinimumHeaderSize; size -= 0.25f)
        {
            var left = WidestHeaderLine(issuer, size);
            var right = WidestHeaderLine(motto, size);
            if (left + right <= available)
            {
                var spare = (available - left - right) / 2;
                return (size, left + spare, right + spare);
            }
        }

        // Nothing fits even at the floor: split by natural width, within limits, and let the lines wrap.
        var naturalLeft = WidestHeaderLine(issuer, MinimumHeaderSize);
        var naturalRight = WidestHeaderLine(motto, MinimumHeaderSize);
        var share = Math.Clamp(naturalLeft / (naturalLeft + naturalRight), 0.3f, 0.7f);
        return (MinimumHeaderSize, available * share, available * (1 - share));
    }

    private float WidestHeaderLine(List<string> lines, float size)
    {
        var widest = 0f;
        for (var i = 0; i < lines.Count; i++)
        {
            widest = Math.Max(widest, Font(i == 0, size).MeasureText(lines[i]));
        }

        return widest;
    }

    private float PlaceHeaderColumn(List<string> lines, float x, float width, float size, int underlinedLine)
    {
        var y = _y;
        for (var i = 0; i < lines.Count; i++)
        {
            var bold = i == 0;
            var font = Font(bold, size);
            foreach (var piece in PdfText.Wrap(lines[i], font, width))
            {
                DrawText(piece, bold, size, x, width, PdfAlign.Centre, y);
                if (i == underlinedLine && piece.Length > 0)
                {
                    var textWidth = font.MeasureText(piece);
                    var lineX = x + ((width - textWidth) / 2);
                    var lineY = y - font.Metrics.Ascent + (font.Metrics.Descent * 0.9f);
                    _page.Ops.Add(new PdfLineOp(lineX, lineY, lineX + textWidth, lineY, RuleThickness));
                }

                y += font.Spacing;
            }
        }

        return y;
    }

    private void PlacePlaceAndDate()
    {
        var text = PdfText.Clean(_form.PlaceAndDate);
        if (text.Length == 0)
        {
            return;
        }

        FlowLines(PdfText.Wrap(text, Font(false, _style.BodySize), _width), false, _style.BodySize, PdfAlign.Right);
        _y += 2 * Mm;
    }

    private void PlaceTitle()
    {
        var title = PdfText.Clean(_form.Title);
        if (title.Length > 0)
        {
            FlowLines(PdfText.Wrap(title, Font(true, _style.TitleSize), _width), true, _style.TitleSize, PdfAlign.Centre);
        }

        var subtitle = PdfText.Clean(_form.Subtitle);
        if (subtitle.Length > 0)
        {
            FlowLines(PdfText.Wrap(subtitle, Font(false, _style.BodySize), _width), false, _style.BodySize, PdfAlign.Centre);
        }

        _y += 3 * Mm;
    }

    private void PlaceParagraph(FormParagraph paragraph)
    {
        var text = PdfText.Clean(paragraph.Text);
        FlowLines(PdfText.Wrap(text, Font(paragraph.Bold, _style.BodySize), _width), paragraph.Bold, _style.BodySize, PdfAlign.Left);
    }

    private void FlowLines(List<string> lines, bool bold, float size, PdfAlign align)
    {
        var lineHeight = LineHeight(bold, size);
        foreach (var line in lines)
        {
            EnsureSpace(lineHeight);
            DrawText(line, bold, size, _left, _width, align, _y);
            _y += lineHeight;
        }
    }

    private void PlaceFieldsBesideQr(FormFields fields, QrShape qr)
    {
        EnsureSpace(qr.Height);
        var qrPage = _page;
        var qrBottom = PlaceQr(qr, _left + _width - QrColumn, _y);

        // Rows that start level with the QR wrap short of it; rows below it (or on later pages) use the full width.
        var narrow = _width - QrColumn - ColumnGap;
        PlaceFields(fields, () => _page == qrPage && _y < qrBottom ? narrow : _width);
        if (_page == qrPage)
        {
            _y = Math.Max(_y, qrBottom);
        }
    }

    private void PlaceFields(FormFields fields, Func<float> availableWidth)
    {
        var rows = fields.Rows
            .Where(r => r is not null)
            .Select(r => (Label: LabelText(r.Label), Value: PdfText.Clean(r.Value)))
            .ToList();
        if (rows.Count == 0)
        {
            return;
        }

        var size = _style.BodySize;
        var labelFont = Font(false, size);
        var valueFont = Font(true, size);
        var lineHeight = Math.Max(labelFont.Spacing, valueFont.Spacing);

        // One label column per block so the values line up; a long label wraps inside it rather than pushing it.
        var widest = rows.Max(r => labelFont.MeasureText(r.Label));
        var labelColumn = Math.Min(widest + LabelGap, availableWidth() * 0.45f);

        foreach (var (label, value) in rows)
        {
            var (labelLines, valueLines) = WrapField(label, value, labelColumn, availableWidth());
            var count = Math.Max(labelLines.Count, valueLines.Count);
            if (!Fits(count * lineHeight) && !AtPageTop)
            {
                NewPage();
                (labelLines, valueLines) = WrapField(label, value, labelColumn, availableWidth());
                count = Math.Max(labelLines.Count, valueLines.Count);
            }

            var valueX = label.Length == 0 ? _left : _left + labelColumn;
            var valueWidth = availableWidth() - (valueX - _left);
            for (var k = 0; k < count; k++)
            {
                EnsureSpace(lineHeight);
                if (k < labelLines.Count)
                {
                    DrawText(labelLines[k], false, size, _left, labelColumn - LabelGap, PdfAlign.Left, _y);
                }

                if (k < valueLines.Count)
                {
                    DrawText(valueLines[k], true, size, valueX, valueWidth, PdfAlign.Left, _y);
                }

                _y += lineHeight;
            }
        }
    }

    private (List<string> Label, List<string> Value) WrapField(string label, string value, float labelColumn, float width)
    {
        var size = _style.BodySize;
        if (label.Length == 0)
        {
            return ([], PdfText.Wrap(value, Font(true, size), width));
        }

        return (
            PdfText.Wrap(label, Font(false, size), labelColumn - LabelGap),
            PdfText.Wrap(value, Font(true, size), width - labelColumn));
    }

    private static string LabelText(string? label)
    {
        var text = PdfText.Clean(label).TrimEnd();
        return text.Length == 0 || text.EndsWith(':') ? text : text + ":";
    }

    private void PlaceList(FormList list)
    {
        var size = _style.BodySize;
        var lineHeight = Math.Max(LineHeight(false, size), LineHeight(true, size));
        var items = list.Items.Select(PdfText.Clean).ToList();

        var heading = PdfText.Clean(list.Heading);
        if (heading.Length > 0)
        {
            var headingLines = PdfText.Wrap(heading, Font(true, size), _width);

            // A heading is not left alone at the foot of a page: it needs room for one item line under it.
            EnsureSpace((headingLines.Count + (items.Count > 0 ? 1 : 0)) * lineHeight);
            FlowLines(headingLines, true, size, PdfAlign.Left);
        }

        if (items.Count == 0)
        {
            return;
        }

        var font = Font(false, size);
        var markers = items
            .Select((_, i) => list.Numbered ? (i + 1).ToString(CultureInfo.InvariantCulture) + "." : "\u2022")
            .ToList();
        var markerColumn = markers.Max(m => font.MeasureText(m)) + LabelGap;
        var textX = _left + ListIndent + markerColumn;
        var textWidth = _width - ListIndent - markerColumn;

        for (var i = 0; i < items.Count; i++)
        {
            var lines = PdfText.Wrap(items[i], font, textWidth);
            if (!Fits(lines.Count * lineHeight) && !AtPageTop)
            {
                NewPage();
            }

            for (var k = 0; k < lines.Count; k++)
            {
                EnsureSpace(lineHeight);
                if (k == 0)
                {
                    DrawText(markers[i], false, size, _left + ListIndent, markerColumn - LabelGap, PdfAlign.Right, _y);
                }

                DrawText(lines[k], false, size, textX, textWidth, PdfAlign.Left, _y);
                _y += lineHeight;
            }
        }
    }

    private void PlaceTable(FormTable table)
    {
        var columns = table.Columns.Select(PdfText.Clean).ToList();
        if (columns.Count == 0)
        {
            if (table.Rows.Any(r => r is not null && r.Count > 0))
            {
                throw new ArgumentException("A table with rows needs at least one column.", nameof(table));
            }

            return;
        }

        var edges = ColumnEdges(table.Widths, columns.Count);
        var size = _style.TableSize;
        var lineHeight = Math.Max(LineHeight(false, size), LineHeight(true, size));
        var header = WrapCells(columns, edges, bold: true);
        var headerHeight = RowHeight(header.Max(c => c.Count), lineHeight);

        List<List<string>> WrapRow(IReadOnlyList<string>? row)
        {
            row ??= [];
            if (row.Count > columns.Count)
            {
                throw new ArgumentException(
                    $"A table row has {row.Count} cells but the table has {columns.Count} columns.", nameof(table));
            }

            var cells = Enumerable.Range(0, columns.Count)
                .Select(i => i < row.Count ? PdfText.Clean(row[i]) : string.Empty)
                .ToList();
            return WrapCells(cells, edges, bold: false);
        }

        void NewPageWithHeader()
        {
            NewPage();
            DrawRow(header, edges, 0, header.Max(c => c.Count), lineHeight, isHeader: true);
        }

        // Keep the header with (at least the first line of) the first row.
        var firstRowLines = table.Rows.Count > 0 ? WrapRow(table.Rows[0]).Max(c => c.Count) : 0;
        var needed = headerHeight + (firstRowLines > 0 ? RowHeight(1, lineHeight) : 0);
        if (!Fits(needed) && !AtPageTop)
        {
            NewPage();
        }

        DrawRow(header, edges, 0, header.Max(c => c.Count), lineHeight, isHeader: true);

        var pageBodyHeight = _bottom - _top - headerHeight;
        foreach (var row in table.Rows)
        {
            var cells = WrapRow(row);
            var lines = cells.Max(c => c.Count);
            var height = RowHeight(lines, lineHeight);
            if (Fits(height))
            {
                DrawRow(cells, edges, 0, lines, lineHeight, isHeader: false);
                continue;
            }

            if (height <= pageBodyHeight)
            {
                NewPageWithHeader();
                DrawRow(cells, edges, 0, lines, lineHeight, isHeader: false);
                continue;
            }

            // Only a row taller than a whole page is split, line by line, across pages.
            var start = 0;
            while (start < lines)
            {
                var room = (int)MathF.Floor((_bottom - _y - (2 * CellPadY)) / lineHeight);
                if (room < 1)
                {
                    NewPageWithHeader();
                    continue;
                }

                var take = Math.Min(room, lines - start);
                DrawRow(cells, edges, start, take, lineHeight, isHeader: false);
                start += take;
            }
        }
    }

    private float[] ColumnEdges(IReadOnlyList<float>? widths, int count)
    {
        if (widths is not null && widths.Count != count)
        {
            throw new ArgumentException($"A table has {count} columns but {widths.Count} widths.", nameof(widths));
        }

        if (widths is not null && widths.Any(w => !float.IsFinite(w) || w <= 0))
        {
            throw new ArgumentException("Table column widths must be positive numbers.", nameof(widths));
        }

        var total = widths?.Sum() ?? count;
        var edges = new float[count + 1];
        edges[0] = _left;
        for (var i = 0; i < count; i++)
        {
            var weight = widths?[i] ?? 1f;
            edges[i + 1] = edges[i] + (_width * weight / total);
        }

        edges[count] = _left + _width;
        return edges;
    }

    private List<List<string>> WrapCells(List<string> cells, float[] edges, bool bold)
    {
        var font = Font(bold, _style.TableSize);
        return cells
            .Select((text, i) => PdfText.Wrap(text, font, edges[i + 1] - edges[i] - (2 * CellPadX)))
            .ToList();
    }

    private static float RowHeight(int lines, float lineHeight) => (lines * lineHeight) + (2 * CellPadY);

    private void DrawRow(List<List<string>> cells, float[] edges, int start, int count, float lineHeight, bool isHeader)
    {
        var top = _y;
        var bottom = top + RowHeight(count, lineHeight);
        var left = edges[0];
        var right = edges[^1];
        if (isHeader)
        {
            _page.Ops.Add(new PdfFillOp([new SKRect(left, top, right, bottom)], HeaderFill));
            _page.Ops.Add(new PdfLineOp(left, top, right, top, BorderThickness));
        }

        for (var c = 0; c < cells.Count; c++)
        {
            var cellWidth = edges[c + 1] - edges[c] - (2 * CellPadX);
            for (var k = 0; k < count && start + k < cells[c].Count; k++)
            {
                DrawText(
                    cells[c][start + k],
                    isHeader,
                    _style.TableSize,
                    edges[c] + CellPadX,
                    cellWidth,
                    isHeader ? PdfAlign.Centre : PdfAlign.Left,
                    top + CellPadY + (k * lineHeight));
            }
        }

        _page.Ops.Add(new PdfLineOp(left, bottom, right, bottom, BorderThickness));
        foreach (var x in edges)
        {
            _page.Ops.Add(new PdfLineOp(x, top, x, bottom, BorderThickness));
        }

        _y = bottom;
    }

    /// <summary>The QR matrix and its printed size, built once because the block height depends on the QR version.</summary>
    private sealed record QrShape(List<BitArray> Matrix, int Padding, float Module, float Quiet, List<string> Caption, float Height);

    private QrShape BuildQr(FormQr qr)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(PdfText.Clean(qr.Payload), QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix.Select(row => new BitArray(row)).ToList();

        // The printed symbol has a fixed size whatever the version; QRCoder may or may not pad the matrix with the
        // quiet zone, so the padding is measured and the four-module quiet zone is reserved as blank space instead.
        var symbolModules = 17 + (4 * data.Version);
        var padding = Math.Max(0, (matrix.Count - symbolModules) / 2);
        var module = QrSymbol / symbolModules;
        var quiet = 4 * module;

        var caption = PdfText.Clean(qr.Caption);
        var captionLines = caption.Length == 0 ? [] : PdfText.Wrap(caption, Font(false, _style.SmallSize), QrColumn);
        var height = quiet + QrSymbol + quiet + (captionLines.Count * LineHeight(false, _style.SmallSize));
        return new QrShape(matrix, padding, module, quiet, captionLines, height);
    }

    /// <summary>
    /// Draws the QR as vector squares (crisp at any print resolution, no image compression) centred in a column, with
    /// its caption under the quiet zone; returns the bottom. The horizontal quiet zone comes from the column margins.
    /// </summary>
    private float PlaceQr(QrShape qr, float columnX, float top)
    {
        var symbolX = columnX + ((QrColumn - QrSymbol) / 2);
        var symbolY = top + qr.Quiet;
        var count = qr.Matrix.Count;
        var last = count - qr.Padding;

        var rects = new List<SKRect>();
        for (var row = qr.Padding; row < last; row++)
        {
            var bits = qr.Matrix[row];
            var col = qr.Padding;
            while (col < last)
            {
                if (!bits[col])
                {
                    col++;
                    continue;
                }

                var runStart = col;
                while (col < last && bits[col])
                {
                    col++;
                }

                // Horizontal runs of dark modules become one rectangle: fewer path segments, smaller file.
                rects.Add(new SKRect(
                    symbolX + ((runStart - qr.Padding) * qr.Module),
                    symbolY + ((row - qr.Padding) * qr.Module),
                    symbolX + ((col - qr.Padding) * qr.Module),
                    symbolY + ((row - qr.Padding + 1) * qr.Module)));
            }
        }

        _page.Ops.Add(new PdfFillOp(rects, SKColors.Black));

        var y = symbolY + QrSymbol + qr.Quiet;
        foreach (var line in qr.Caption)
        {
            DrawText(line, false, _style.SmallSize, columnX, QrColumn, PdfAlign.Centre, y);
            y += LineHeight(false, _style.SmallSize);
        }

        return y;
    }

    private void PlaceSignatures()
    {
        var signatures = _form.Signatures.Where(s => s is not null).ToList();
        if (signatures.Count == 0)
        {
            return;
        }

        // A lone signer signs on the right, as on paper forms; several share the width equally.
        var columnWidth = signatures.Count == 1 ? _width / 2 : _width / signatures.Count;
        var firstX = signatures.Count == 1 ? _left + (_width / 2) : _left;
        var bodySize = _style.BodySize;
        var smallSize = _style.SmallSize;
        var textWidth = columnWidth - (2 * Mm);

        var blocks = signatures.Select(s => (
            Role: Lines(s.Role, true, bodySize, textWidth),
            Note: Lines(s.Note, false, smallSize, textWidth),
            Name: Lines(s.Name, true, bodySize, textWidth))).ToList();
        var boldLine = LineHeight(true, bodySize);
        var smallLine = LineHeight(false, smallSize);
        var height = blocks.Max(b => ((b.Role.Count + b.Name.Count) * boldLine) + (b.Note.Count * smallLine)) + SignatureSpace;

        _y += 2 * Mm;
        if (!Fits(height) && !AtPageTop)
        {
            NewPage();
        }

        for (var i = 0; i < blocks.Count; i++)
        {
            var x = firstX + (i * columnWidth) + (1 * Mm);
            var y = _y;
            foreach (var line in blocks[i].Role)
            {
                DrawText(line, true, bodySize, x, textWidth, PdfAlign.Centre, y);
                y += boldLine;
            }

            foreach (var line in blocks[i].Note)
            {
                DrawText(line, false, smallSize, x, textWidth, PdfAlign.Centre, y);
                y += smallLine;
            }

            y += SignatureSpace;
            foreach (var line in blocks[i].Name)
            {
                DrawText(line, true, bodySize, x, textWidth, PdfAlign.Centre, y);
                y += boldLine;
            }
        }

        _y += height;
    }

    private List<string> Lines(string? text, bool bold, float size, float width)
    {
        var clean = PdfText.Clean(text);
        return clean.Length == 0 ? [] : PdfText.Wrap(clean, Font(bold, size), width);
    }

    private void PlaceFootersAndPageNumbers()
    {
        var size = _style.SmallSize;
        var lineHeight = LineHeight(false, size);
        var numberTop = _style.Height - _style.MarginBottom - lineHeight;
        var footerTop = numberTop - (_footerLines.Count * lineHeight);
        for (var p = 0; p < _pages.Count; p++)
        {
            _page = _pages[p];
            var y = footerTop;
            foreach (var line in _footerLines)
            {
                DrawText(line, false, size, _left, _width, PdfAlign.Centre, y);
                y += lineHeight;
            }

            if (_pages.Count > 1)
            {
                var number = string.Create(CultureInfo.InvariantCulture, $"{p + 1}/{_pages.Count}");
                DrawText(number, false, size, _left, _width, PdfAlign.Centre, numberTop);
            }
        }
    }

    private bool AtPageTop => _y <= _top + 0.01f;

    private bool Fits(float height) => _y + height <= _bottom + 0.01f;

    private void EnsureSpace(float height)
    {
        if (!Fits(height) && !AtPageTop)
        {
            NewPage();
        }
    }

    private void NewPage() => _page = AddPage();

    private PdfPage AddPage()
    {
        var page = new PdfPage(_style.Width, _style.Height);
        _pages.Add(page);
        _y = _top;
        return page;
    }

    private SKFont Font(bool bold, float size) => _fonts.Get(bold, size);

    private float LineHeight(bool bold, float size) => Font(bold, size).Spacing;

    private void DrawText(string text, bool bold, float size, float x, float width, PdfAlign align, float top)
    {
        if (text.Length == 0)
        {
            return;
        }

        var font = Font(bold, size);
        var textWidth = font.MeasureText(text);
        var left = align switch
        {
            PdfAlign.Centre => x + ((width - textWidth) / 2),
            PdfAlign.Right => x + width - textWidth,
            _ => x,
        };
        _page.Ops.Add(new PdfTextOp(text, left, top - font.Metrics.Ascent, bold, size));
    }
}

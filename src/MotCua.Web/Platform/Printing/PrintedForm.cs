namespace MotCua.Web.Platform.Printing;

public enum PaperSize
{
    /// <summary>148 × 210 mm, portrait: forms 01–06.</summary>
    A5 = 5,

    /// <summary>297 × 210 mm, landscape: form 07 (the dossier register).</summary>
    A4 = 4,

    /// <summary>210 × 297 mm, portrait: notices posted in hamlets.</summary>
    A4Portrait = 6,
}

/// <summary>
/// One printable form (Circular 03/2025/TT-VPCP annex I), described once and rendered twice: as print-ready HTML for
/// the browser and as a PDF with an embedded font. Text is plain (no markup) and already localised.
/// </summary>
/// <param name="FormCode">Shown in the top corner, e.g. "Mẫu số 01".</param>
/// <param name="Issuer">Upper left, e.g. ["UBND XÃ CHÂU THÀNH", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"].</param>
/// <param name="Motto">Upper right: the national name and motto.</param>
/// <param name="PlaceAndDate">e.g. "Châu Thành, ngày 02 tháng 3 năm 2026".</param>
public sealed record PrintedForm(
    string FormCode,
    PaperSize Size,
    IReadOnlyList<string> Issuer,
    IReadOnlyList<string> Motto,
    string? PlaceAndDate,
    string Title,
    string? Subtitle,
    IReadOnlyList<FormBlock> Blocks,
    FormQr? Qr,
    IReadOnlyList<FormSignature> Signatures,
    string? Footer = null);

/// <summary>A part of a form's body, printed top to bottom.</summary>
public abstract record FormBlock;

/// <summary>Running text.</summary>
public sealed record FormParagraph(string Text, bool Bold = false) : FormBlock;

/// <summary>Label: value lines ("Mã hồ sơ: 000.00.21.H92-260302-0001").</summary>
public sealed record FormFields(IReadOnlyList<FormField> Rows) : FormBlock;

public sealed record FormField(string Label, string Value);

/// <summary>A list, e.g. the papers received or the papers to supplement.</summary>
public sealed record FormList(string? Heading, IReadOnlyList<string> Items, bool Numbered = true) : FormBlock;

/// <summary>A table with a header row; widths are relative weights (null: equal).</summary>
public sealed record FormTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<float>? Widths = null) : FormBlock;

/// <summary>The QR code of the public lookup URL, with a caption under it.</summary>
public sealed record FormQr(string Payload, string Caption);

/// <summary>A signature block: who signs (role), a note in italics, and the name printed under the space.</summary>
public sealed record FormSignature(string Role, string? Note, string? Name);

using MotCua.Domain.Calendar;

namespace MotCua.Web.Platform;

public sealed record LocalizedTextDocument(string? Vi, string? En, string? Id)
{
    public static LocalizedTextDocument From(LocalizedText t) => new(t.Vi, t.En, t.Id);

    public LocalizedText? ToDomain() => string.IsNullOrWhiteSpace(Vi) ? null : new LocalizedText(Vi.Trim(), Blank(En), Blank(Id));

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

using System.Globalization;
using System.Text;

namespace MotCua.Web.Platform;

/// <summary>Accent- and case-insensitive matching: "dang ky khai sinh" and "KHAI SINH" both find "Đăng ký khai sinh".</summary>
public static class TextSearch
{
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            sb.Append(c switch
            {
                'đ' => 'd',
                'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            });
        }

        return sb.ToString();
    }
}

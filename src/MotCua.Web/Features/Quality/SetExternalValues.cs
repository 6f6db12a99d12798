using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain;
using MotCua.Domain.Quality;
using MotCua.Web.Data;
using MotCua.Web.Data.Quality;
using MotCua.Web.Platform;

namespace MotCua.Web.Features.Quality;

/// <summary>
/// An administrator records, for one month, the values of indicators measured outside MotCua (read off the national
/// portal or the province's systems), for one commune or every commune of a province. A null value removes one.
/// Every change is in the audit trail.
/// </summary>
public static class SetExternalValues
{
    public sealed record Item(string Indicator, ExternalValueKind Kind, decimal? Value, string? Source);

    public sealed record Input(string? UnitCode, string? ProvinceCode, DateOnly Month, IReadOnlyList<Item> Items);

    public static Input? Validate(ExternalValuesRequest? request, IndexDefinition definition, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(errors);
        if (request is null)
        {
            errors.Add("body", "The values are required.");
            return null;
        }

        if (string.IsNullOrWhiteSpace(request.Unit) == string.IsNullOrWhiteSpace(request.Province))
        {
            errors.Add("unit", "Give either a commune (unit) or a province.");
        }
        else if (request.Unit?.Length > 32 || request.Province?.Length > 32)
        {
            errors.Add("unit", "Codes are at most 32 characters.");
        }

        DateOnly month = default;
        if (request.Month is not { Length: 7 } m || !DateOnly.TryParseExact(m + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month) || month.Year is < 2000 or > 2099)
        {
            errors.Add("month", "The month is yyyy-MM, e.g. 2026-03.");
        }

        var externals = definition.Groups.SelectMany(g => g.Indicators).Where(i => i.Kind == IndicatorKind.External).ToDictionary(i => i.Key, StringComparer.Ordinal);
        var items = new List<Item>();
        if (request.Values is not { Count: > 0 and <= 50 })
        {
            errors.Add("values", "Give 1–50 values.");
        }
        else
        {
            for (var i = 0; i < request.Values.Count; i++)
            {
                var v = request.Values[i];
                var field = $"values[{i}]";
                if (v is null || v.Indicator is null || !externals.TryGetValue(v.Indicator, out var indicator))
                {
                    errors.Add(field + ".indicator", $"Not an indicator measured outside MotCua. One of: {string.Join(", ", externals.Keys)}.");
                    continue;
                }

                if (v.Kind is not { } kind || !Enum.IsDefined(kind))
                {
                    errors.Add(field + ".kind", "The kind is percent or points.");
                    continue;
                }

                if (v.Value is { } value && (kind == ExternalValueKind.Percent ? value is < 0 or > 100 : value < 0 || value > indicator.Max))
                {
                    errors.Add(field + ".value", kind == ExternalValueKind.Percent
                        ? "A percentage is from 0 to 100."
                        : string.Create(CultureInfo.InvariantCulture, $"Points are from 0 to {indicator.Max} for this indicator."));
                    continue;
                }

                if (v.Source?.Length > QualityExternalValue.MaxSourceLength || v.Source?.Any(char.IsControl) == true)
                {
                    errors.Add(field + ".source", $"The source is one line of at most {QualityExternalValue.MaxSourceLength} characters.");
                    continue;
                }

                items.Add(new Item(v.Indicator, kind, v.Value, string.IsNullOrWhiteSpace(v.Source) ? null : v.Source.Trim()));
            }
        }

        return errors.Any ? null : new Input(request.Unit?.Trim(), request.Province?.Trim(), month, items);
    }

    /// <summary>The values stored after the change, or null when the unit or province does not exist.</summary>
    public static async Task<List<QualityExternalValue>?> ExecuteAsync(Input input, string actorId, MotCuaDb db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var units = input.UnitCode is { } code
            ? await db.Units.Where(u => u.Code == code).Select(u => u.Id).ToListAsync(ct)
            : await db.Units.Where(u => u.ProvinceCode == input.ProvinceCode).Select(u => u.Id).ToListAsync(ct);
        if (units.Count == 0)
        {
            return null;
        }

        var keys = input.Items.Select(i => i.Indicator).ToList();
        var existing = await db.QualityExternalValues.Where(v => units.Contains(v.UnitId) && v.Month == input.Month && keys.Contains(v.IndicatorKey)).ToListAsync(ct);
        var now = time.GetUtcNow();
        foreach (var unit in units)
        {
            foreach (var item in input.Items)
            {
                var row = existing.FirstOrDefault(v => v.UnitId == unit && v.IndicatorKey == item.Indicator);
                if (item.Value is not { } value)
                {
                    if (row is not null)
                    {
                        db.QualityExternalValues.Remove(row);
                        existing.Remove(row);
                    }

                    continue;
                }

                if (row is null)
                {
                    row = new QualityExternalValue { UnitId = unit, Month = input.Month, IndicatorKey = item.Indicator };
                    db.QualityExternalValues.Add(row);
                    existing.Add(row);
                }

                row.Kind = item.Kind;
                row.Value = value;
                row.Source = item.Source;
                row.SetBy = actorId;
                row.SetAt = now;
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            throw new DomainRuleException("quality.external-conflict", "Someone set the same values at the same time; reload and try again.", RuleKind.Conflict);
        }

        return existing;
    }
}

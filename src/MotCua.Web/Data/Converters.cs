using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;

namespace MotCua.Web.Data;

/// <summary>Instants are stored as UTC date-times so that both SQLite and PostgreSQL compare and sort them natively.</summary>
internal sealed class UtcInstantConverter() : ValueConverter<DateTimeOffset, DateTime>(
    v => v.UtcDateTime,
    v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)));

internal sealed class TimeLimitConverter() : ValueConverter<TimeLimit, string>(
    v => v.ToString(),
    v => TimeLimit.Parse(v));

internal sealed class DossierNumberConverter() : ValueConverter<DossierNumber, string>(
    v => v.ToString(),
    v => DossierNumber.Parse(v));

internal sealed class CitizenIdConverter() : ValueConverter<CitizenId, string>(
    v => v.Value,
    v => CitizenId.Parse(v));

internal sealed class PhoneNumberConverter() : ValueConverter<PhoneNumber, string>(
    v => v.Value,
    v => PhoneNumber.Parse(v));

/// <summary>Small value objects and lists stored as one JSON column: read and written whole, never queried inside.</summary>
internal sealed class JsonColumnConverter<T>() : ValueConverter<T, string>(
    v => JsonColumn.Serialize(v),
    v => JsonColumn.Deserialize<T>(v));

internal sealed class JsonColumnComparer<T>() : ValueComparer<T>(
    (a, b) => JsonColumn.Serialize(a) == JsonColumn.Serialize(b),
    v => JsonColumn.Serialize(v).GetHashCode(StringComparison.Ordinal),
    v => JsonColumn.Deserialize<T>(JsonColumn.Serialize(v)));

internal static class JsonColumn
{
    public static readonly JsonSerializerOptions Options = CreateOptions();

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new InvalidOperationException($"A stored {typeof(T).Name} column holds null.");

    private static JsonSerializerOptions CreateOptions()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        o.Converters.Add(new OfficeHoursJsonConverter());
        return o;
    }
}

/// <summary>Office hours as <c>{"periods":[["07:00","11:30"],["13:30","17:00"]],"sameDayCutoff":"15:00"}</c>.</summary>
internal sealed class OfficeHoursJsonConverter : JsonConverter<OfficeHours>
{
    public override OfficeHours Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var shape = JsonSerializer.Deserialize<Shape>(ref reader, options) ?? throw new JsonException("Office hours expected.");
        var periods = (shape.Periods ?? []).Select(p => p is { Length: 2 }
            ? new OfficePeriod(TimeOnly.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture))
            : throw new JsonException("An office period is [start, end].")).ToList();
        var cutoff = shape.SameDayCutoff is null ? new TimeOnly(15, 0) : TimeOnly.Parse(shape.SameDayCutoff, System.Globalization.CultureInfo.InvariantCulture);
        return new OfficeHours(periods, cutoff);
    }

    public override void Write(Utf8JsonWriter writer, OfficeHours value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, new Shape(
            [.. value.Periods.Select(p => new[] { p.Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), p.End.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) })],
            value.SameDayCutoff.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)), options);

    private sealed record Shape(string[][]? Periods, string? SameDayCutoff);
}

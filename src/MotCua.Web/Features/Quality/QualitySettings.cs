using System.Text.Json;
using System.Text.Json.Serialization;
using MotCua.Domain.Quality;

namespace MotCua.Web.Features.Quality;

/// <summary>
/// The Index 766 scheme in force. Defaults follow the national portal (<see cref="IndexDefinition.Default"/>); a
/// province changes weights, thresholds or bands by pointing <c>MotCua:Quality:DefinitionFile</c> at a JSON file of
/// the same shape (validated at start).
/// </summary>
public sealed record QualitySettings(IndexDefinition Definition)
{
    public static readonly JsonSerializerOptions DefinitionJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        WriteIndented = true,
    };

    public static QualitySettings From(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var definition = IndexDefinition.Default;
        if (configuration["MotCua:Quality:DefinitionFile"] is { Length: > 0 } file)
        {
            var path = Path.GetFullPath(file, environment.ContentRootPath);
            definition = JsonSerializer.Deserialize<IndexDefinition>(File.ReadAllText(path), DefinitionJson)
                ?? throw new InvalidOperationException($"{path} holds no index definition.");
            definition.EnsureValid();
        }

        return new QualitySettings(definition);
    }
}

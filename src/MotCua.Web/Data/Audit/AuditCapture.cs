using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using MotCua.Domain.Dossiers;

namespace MotCua.Web.Data.Audit;

/// <summary>Turns the change tracker's pending changes into audit entries, written in the same transaction.</summary>
internal static class AuditCapture
{
    /// <summary>Personal data of citizens (and staff names): written masked, whichever record holds them.</summary>
    private static readonly HashSet<string> PersonalProperties =
    [
        nameof(Applicant.CitizenId), nameof(Applicant.FullName), nameof(Applicant.Phone), nameof(Applicant.Address),
        "SubmitterName", "SubmitterPhone", "ApplicantName", "PhoneNumber", "Email", "NormalizedEmail",
    ];

    /// <summary>
    /// Free text a citizen wrote or an officer wrote back to them (complaints, answers, rating comments): it often holds
    /// names, addresses and phone numbers, so the trail says that it changed and how long it is, not what it says.
    /// </summary>
    private static readonly HashSet<string> FreeTextProperties = ["Subject", "Content", "Response", "Comment", "Steps", "_steps"];

    private static readonly HashSet<string> SecretProperties = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "Value", "Xml", "LookupSecret", "AuthenticatorKey", "SecretHash", "CodeHash", "DeviceSecret"];

    /// <summary>Any property whose name says it holds a secret or a verifier of one (a secret, hash, stamp, token, PIN, password, key).</summary>
    private static bool IsSecret(string property) =>
        SecretProperties.Contains(property)
        || (SecretWords.Any(w => property.Contains(w, StringComparison.Ordinal)) && !property.EndsWith("Id", StringComparison.Ordinal));

    private static readonly string[] SecretWords = ["Secret", "Hash", "Stamp", "Token", "Pin", "Verifier", "Password"];

    /// <summary>Types whose rows are never written to the trail: the trail itself, framework key storage, and entities marked <see cref="NotAuditedAttribute"/>.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, bool> Skipped = new();

    public static List<AuditEntry> Capture(ChangeTracker tracker, CallerContext caller, DateTimeOffset now)
    {
        // One entry per changed record; an owned part (a dossier's applicant) is folded into its owner's entry.
        var records = new Dictionary<(string Type, string Key), (string State, Dictionary<string, string?[]> Changes)>();
        foreach (var entry in tracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || IsSkipped(entry.Metadata.ClrType))
            {
                continue;
            }

            var ownership = entry.Metadata.FindOwnership();
            var owned = ownership is not null;
            var prefix = owned ? ownership!.PrincipalToDependent?.Name + "." : string.Empty;
            var keyProperties = owned ? ownership!.Properties : entry.Metadata.FindPrimaryKey()?.Properties ?? [];
            var type = owned ? ownership!.PrincipalEntityType.ClrType.Name : entry.Metadata.ClrType.Name;
            var key = string.Join("/", keyProperties.Select(k => Convert.ToString(entry.Property(k.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));
            var state = entry.State switch
            {
                EntityState.Added => "added",
                EntityState.Deleted => "deleted",
                _ => "modified",
            };

            if (!records.TryGetValue((type, key), out var record))
            {
                record = (state, new Dictionary<string, string?[]>());
                records[(type, key)] = record;
            }
            else if (!owned)
            {
                records[(type, key)] = record = (state, record.Changes);
            }

            foreach (var p in entry.Properties)
            {
                if (owned && keyProperties.Contains(p.Metadata))
                {
                    continue;
                }

                var changed = entry.State switch
                {
                    EntityState.Added => p.CurrentValue is not null,
                    EntityState.Deleted => true,
                    _ => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue),
                };
                if (changed)
                {
                    var name = p.Metadata.Name;
                    record.Changes[prefix + name] =
                    [
                        entry.State == EntityState.Added ? null : Show(name, p.OriginalValue, owned),
                        entry.State == EntityState.Deleted ? null : Show(name, p.CurrentValue, owned),
                    ];
                }
            }
        }

        return [.. records.Where(r => r.Value.Changes.Count > 0).Select(r => new AuditEntry(now, caller.ActorId, caller.ActorName, caller.Ip, caller.UnitId,
            $"{r.Key.Type}.{r.Value.State}", r.Key.Type, r.Key.Key, JsonSerializer.Serialize(r.Value.Changes, JsonColumnOptions), null))];
    }

    private static bool IsSkipped(Type type) => Skipped.GetOrAdd(type, t =>
        t == typeof(AuditEntry) || t == typeof(DataProtectionKey) || Attribute.IsDefined(t, typeof(NotAuditedAttribute), inherit: false));

    private static readonly JsonSerializerOptions JsonColumnOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string? Show(string property, object? value, bool owned)
    {
        _ = owned;
        if (value is null)
        {
            return null;
        }

        if (IsSecret(property))
        {
            return "(secret)";
        }

        if (PersonalProperties.Contains(property))
        {
            return value switch
            {
                CitizenId id => id.Masked,
                PhoneNumber phone => phone.Masked,
                string s when property is nameof(Applicant.FullName) or "SubmitterName" or "ApplicantName" => Applicant.MaskName(s),
                string s when property is nameof(Applicant.CitizenId) or nameof(Applicant.Phone) or "SubmitterPhone" or "PhoneNumber" && s.Length > 3 => new string('*', s.Length - 3) + s[^3..],
                _ => "(personal data)",
            };
        }

        if (FreeTextProperties.Contains(property))
        {
            return value switch
            {
                string s => $"(text, {s.Length} characters)",
                System.Collections.ICollection c => $"({c.Count} entries)",
                _ => "(text)",
            };
        }

        return value switch
        {
            DateTimeOffset d => d.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            string s => s,
            _ when value.GetType().IsClass || value is System.Collections.IEnumerable => Json(value),
            _ => value.ToString(),
        };
    }

    /// <summary>Lists and value objects as JSON rather than their .NET type name.</summary>
    private static string Json(object value)
    {
        try
        {
            return JsonSerializer.Serialize(value, value.GetType(), JsonColumnOptions);
        }
        catch (Exception ex) when (ex is NotSupportedException or JsonException or InvalidOperationException)
        {
            return "(value)";
        }
    }
}

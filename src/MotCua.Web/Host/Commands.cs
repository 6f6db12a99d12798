using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain;
using MotCua.Domain.Units;
using MotCua.Web.Data;
using MotCua.Web.Data.Identity;
using MotCua.Web.Data.Quality;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Platform.Auth;

namespace MotCua.Web.Host;

/// <summary>
/// Administration from the command line (<c>dotnet run --project src/MotCua.Web -- users add …</c>): the first
/// administrator is created here, with a generated password, never a default one.
/// </summary>
public static class Commands
{
    private static readonly string[] Known = ["users", "units", "privacy", "quality"];

    public static bool IsCommand(string[] args) => args is { Length: > 0 } && Known.Contains(args[0]);

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        await DatabaseSetup.PrepareAsync(services, CancellationToken.None, seedDemo: false);
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CallerContext>().UseSystem("command-line");
        var options = Options(args.Skip(2));
        try
        {
            return (args[0], args.ElementAtOrDefault(1)) switch
            {
                ("users", "add") => await AddUserAsync(scope.ServiceProvider, options, output),
                ("users", "reset-password") => await ResetPasswordAsync(scope.ServiceProvider, options, output),
                ("users", "lock") => await LockAsync(scope.ServiceProvider, options, output),
                ("units", "add") => await AddUnitAsync(scope.ServiceProvider, options, output),
                ("privacy", "anonymise") => await AnonymiseAsync(scope.ServiceProvider, options, output),
                ("quality", "recompute") => await RecomputeQualityAsync(scope.ServiceProvider, output),
                _ => Usage(output),
            };
        }
        catch (DomainRuleException ex)
        {
            await output.WriteLineAsync($"error: {ex.Message}");
            return 2;
        }
    }

    private static int Usage(TextWriter output)
    {
        output.WriteLine("""
            usage:
              users add --user <login> --name "<full name>" --role <role> [--unit <unit code>] [--province <province code>] [--culture vi|en|id]
              users reset-password --user <login>
              users lock --user <login>
              units add --code <unit code> --name "<name>" --province <code> [--province-name "<name>"]
              privacy anonymise [--dry-run]
              quality recompute
            roles: administrator, province-viewer, centre-leader, counter-officer, specialist, field-agent
            """);
        return 2;
    }

    private static async Task<int> AddUserAsync(IServiceProvider sp, Dictionary<string, string> o, TextWriter output)
    {
        var db = sp.GetRequiredService<MotCuaDb>();
        var users = sp.GetRequiredService<UserManager<StaffUser>>();
        if (!o.TryGetValue("user", out var login) || !o.TryGetValue("name", out var name) || !o.TryGetValue("role", out var role))
        {
            return Usage(output);
        }

        if (!Roles.IsValid(role))
        {
            await output.WriteLineAsync($"error: unknown role '{role}'.");
            return 2;
        }

        Guid? unitId = null;
        if (o.TryGetValue("unit", out var unitCode))
        {
            unitId = await db.Units.Where(u => u.Code == unitCode).Select(u => (Guid?)u.Id).SingleOrDefaultAsync();
            if (unitId is null)
            {
                await output.WriteLineAsync($"error: no unit has the code '{unitCode}' (add it with: units add).");
                return 2;
            }
        }

        if (Roles.UnitRoles.Contains(role) && unitId is null)
        {
            await output.WriteLineAsync($"error: a {role} works for a unit: give --unit.");
            return 2;
        }

        if (role == Roles.ProvinceViewer && !o.ContainsKey("province"))
        {
            await output.WriteLineAsync("error: a province viewer needs --province.");
            return 2;
        }

        var password = GeneratePassword();
        var user = new StaffUser { UserName = login, FullName = name, UnitId = unitId, ProvinceCode = o.GetValueOrDefault("province"), Culture = o.GetValueOrDefault("culture", "vi") };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            await output.WriteLineAsync($"error: {string.Join(" ", created.Errors.Select(e => e.Description))}");
            return 2;
        }

        await users.AddToRoleAsync(user, role);
        await output.WriteLineAsync($"Created {login} ({role}). Password: {password}");
        await output.WriteLineAsync("Give it to the person in private; they should change it after signing in.");
        return 0;
    }

    private static async Task<int> ResetPasswordAsync(IServiceProvider sp, Dictionary<string, string> o, TextWriter output)
    {
        var users = sp.GetRequiredService<UserManager<StaffUser>>();
        if (!o.TryGetValue("user", out var login) || await users.FindByNameAsync(login) is not { } user)
        {
            await output.WriteLineAsync("error: give --user of an existing account.");
            return 2;
        }

        var password = GeneratePassword();
        await users.RemovePasswordAsync(user);
        await users.AddPasswordAsync(user, password);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await output.WriteLineAsync($"New password for {login}: {password}");
        return 0;
    }

    private static async Task<int> LockAsync(IServiceProvider sp, Dictionary<string, string> o, TextWriter output)
    {
        var users = sp.GetRequiredService<UserManager<StaffUser>>();
        if (!o.TryGetValue("user", out var login) || await users.FindByNameAsync(login) is not { } user)
        {
            await output.WriteLineAsync("error: give --user of an existing account.");
            return 2;
        }

        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(user);
        await output.WriteLineAsync($"Locked {login}; their sessions end at the next security check.");
        return 0;
    }

    private static async Task<int> AddUnitAsync(IServiceProvider sp, Dictionary<string, string> o, TextWriter output)
    {
        var db = sp.GetRequiredService<MotCuaDb>();
        if (!o.TryGetValue("code", out var code) || !o.TryGetValue("name", out var name) || !o.TryGetValue("province", out var province))
        {
            return Usage(output);
        }

        if (!await db.Provinces.AnyAsync(p => p.Code == province))
        {
            db.Provinces.Add(new Province(province, o.GetValueOrDefault("province-name", province)));
        }

        db.Units.Add(new Unit(code, name, province));
        await db.SaveChangesAsync();
        await output.WriteLineAsync($"Added unit {code} {name}.");
        return 0;
    }

    private static async Task<int> AnonymiseAsync(IServiceProvider sp, Dictionary<string, string> o, TextWriter output)
    {
        var days = sp.GetRequiredService<IConfiguration>().GetValue("MotCua:Privacy:RetentionDays", AnonymiseDossiers.DefaultRetentionDays);
        var result = await AnonymiseDossiers.ExecuteAsync(days, o.ContainsKey("dry-run"), sp.GetRequiredService<MotCuaDb>(), sp.GetRequiredService<TimeProvider>(), CancellationToken.None);
        await output.WriteLineAsync($"{(o.ContainsKey("dry-run") ? "Would anonymise" : "Anonymised")} {result.Anonymised} closed dossiers that ended before {result.EndedBefore:yyyy-MM-dd} (retention {days} days).");
        return 0;
    }

    private static async Task<int> RecomputeQualityAsync(IServiceProvider sp, TextWriter output)
    {
        var report = await RecomputeQuality.ExecuteAsync(sp.GetRequiredService<MotCuaDb>(), CancellationToken.None);
        await output.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Recomputed Index 766 summaries from {report.Dossiers} dossiers and {report.Feedback} feedback items: {report.Facts} facts, {report.SummaryRows} summary rows, {report.SummaryRowsChanged} of them different from the live ones, in {report.Elapsed.TotalSeconds:0.0} s."));
        return 0;
    }

    /// <summary>16 characters with upper and lower case letters and digits, from a cryptographic source.</summary>
    public static string GeneratePassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string lower = "abcdefghijkmnopqrstuvwxyz";
        const string digits = "23456789";
        var chars = RandomNumberGenerator.GetString(upper + lower + digits, 13) + RandomNumberGenerator.GetString(upper, 1)
            + RandomNumberGenerator.GetString(lower, 1) + RandomNumberGenerator.GetString(digits, 1);
        var array = chars.ToCharArray();
        RandomNumberGenerator.Shuffle(array.AsSpan());
        return new string(array);
    }

    private static Dictionary<string, string> Options(IEnumerable<string> args)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? key = null;
        foreach (var a in args)
        {
            if (a.StartsWith("--", StringComparison.Ordinal))
            {
                key = a[2..];
                result[key] = "true";
            }
            else if (key is not null)
            {
                result[key] = a;
                key = null;
            }
        }

        return result;
    }
}

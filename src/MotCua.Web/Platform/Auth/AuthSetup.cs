using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MotCua.Web.Data;
using MotCua.Web.Data.Identity;

namespace MotCua.Web.Platform.Auth;

public static class AuthSetup
{
    /// <summary>The scheme that picks bearer tokens when the request carries one, else the sign-in cookie.</summary>
    public const string Scheme = "MotCua";

    public static IServiceCollection AddMotCuaAuth(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddScoped<CallerContext>();
        var protection = services.AddDataProtection().SetApplicationName("MotCua").PersistKeysToDbContext<MotCuaDb>();
        if (KeyProtection.Certificate(configuration) is { } certificate)
        {
            // The key ring in the database is encrypted with the certificate every node of a province is given; keys
            // written before a certificate was configured stay readable.
            protection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate([certificate, .. KeyProtection.Previous(configuration)]);
        }

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "Cookie, bearer token or field device", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString() switch
                {
                    var h when h.StartsWith("Bearer ", StringComparison.Ordinal) => IdentityConstants.BearerScheme,
                    var h when h.StartsWith(DeviceCredentials.Scheme + " ", StringComparison.Ordinal) => DeviceCredentials.Scheme,
                    _ => IdentityConstants.ApplicationScheme,
                })
            .AddScheme<AuthenticationSchemeOptions, DeviceAuthenticationHandler>(DeviceCredentials.Scheme, null)
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                o.BearerTokenExpiration = configuration.GetValue("MotCua:Auth:TokenLifetime", TimeSpan.FromHours(8));
                o.RefreshTokenExpiration = TimeSpan.FromDays(7);
            })
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(o =>
        {
            // Secure whenever the request is HTTPS (directly or through a trusted proxy), and outside Development and
            // Testing for any request not from this machine (Hardening.SecureCookie).
            o.Cookie = new SecureCookieBuilder { Name = "motcua.auth", HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true };
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.SlidingExpiration = true;
            o.LoginPath = "/login";
            o.AccessDeniedPath = "/access-denied";
            o.Events.OnRedirectToLogin = ctx => ApiOr(ctx.HttpContext, StatusCodes.Status401Unauthorized, () => ctx.Response.Redirect(ctx.RedirectUri));
            o.Events.OnRedirectToAccessDenied = ctx => ApiOr(ctx.HttpContext, StatusCodes.Status403Forbidden, () => ctx.Response.Redirect(ctx.RedirectUri));
        });

        // A field laptop checks the PINs its kit carried, never a password (FieldPins).
        if (NodeRole.From(configuration).IsFieldKit)
        {
            services.AddScoped<IPasswordHasher<StaffUser>, FieldPinHasher>();
        }

        services.AddIdentityCore<StaffUser>(o =>
            {
                o.Lockout.AllowedForNewUsers = true;
                // Wrong passwords are counted per name and address by SignInAttempt (FailureThrottle), never by locking the
                // account, which only an administrator does (users lock); this is Identity's own count, which it does not use.
                o.Lockout.MaxFailedAccessAttempts = configuration.GetValue("MotCua:Auth:MaxFailedAttempts", 20);
                o.Lockout.DefaultLockoutTimeSpan = configuration.GetValue("MotCua:Auth:LockoutTime", TimeSpan.FromMinutes(15));
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<MotCuaDb>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>();

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(Scheme).RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.All))
            .AddPolicy(Policies.ReadDossiers, p => p.RequireRole(Roles.CentreLeader, Roles.CounterOfficer, Roles.Specialist, Roles.FieldAgent, Roles.ProvinceViewer))
            .AddPolicy(Policies.ReceiveDossiers, p => p.RequireRole(Roles.CentreLeader, Roles.CounterOfficer, Roles.FieldAgent).RequireClaim(StaffClaims.Unit))
            .AddPolicy(Policies.ProcessDossiers, p => p.RequireRole(Roles.CentreLeader, Roles.CounterOfficer, Roles.Specialist).RequireClaim(StaffClaims.Unit))
            .AddPolicy(Policies.FullPersonalData, p => p.RequireRole(Roles.CentreLeader, Roles.CounterOfficer, Roles.Specialist, Roles.FieldAgent).RequireClaim(StaffClaims.Unit))
            .AddPolicy(Policies.ManageCatalogue, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.ManageCalendar, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.ReadAudit, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.ManageUsers, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.ReadOutreach, p => p.RequireRole(Roles.CentreLeader, Roles.CounterOfficer, Roles.Specialist, Roles.FieldAgent, Roles.ProvinceViewer))
            .AddPolicy(Policies.ManageOutreach, p => p.RequireRole(Roles.CentreLeader).RequireClaim(StaffClaims.Unit))
            .AddPolicy(Policies.ReportOutreach, p => p.RequireRole(Roles.CentreLeader, Roles.FieldAgent).RequireClaim(StaffClaims.Unit))
            .AddPolicy(Policies.ManageFieldDevices, p => p.RequireRole(Roles.Administrator, Roles.CentreLeader))
            .AddPolicy(Policies.ResolveSyncConflicts, p => p.RequireRole(Roles.CentreLeader).RequireClaim(StaffClaims.Unit))
            .AddPolicy(Policies.FieldDevice, p => p.RequireClaim(DeviceCredentials.DeviceClaim).RequireClaim(StaffClaims.Unit))
            .AddPolicy(Policies.FieldPins, p => p.RequireRole(Roles.UnitRoles).RequireClaim(StaffClaims.Unit));
        return services;
    }

    /// <summary>An API call gets a status code (problem details follow); a page gets the redirect.</summary>
    private static Task ApiOr(HttpContext http, int status, Action redirect)
    {
        if (http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            http.Response.StatusCode = status;
        }
        else
        {
            redirect();
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// After authentication: works out the caller's data scope (their unit; a province viewer's province; everything
    /// for an administrator) and who to write into the audit trail.
    /// </summary>
    public static IApplicationBuilder UseCallerContext(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var caller = http.RequestServices.GetRequiredService<CallerContext>();
        var user = http.User;
        caller.User = user;
        caller.Ip = http.Connection.RemoteIpAddress?.ToString();
        if (user.Identity?.IsAuthenticated == true)
        {
            caller.ActorId = user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "anonymous";
            caller.ActorName = user.Identity.Name;
            caller.UnitId = user.UnitId();
            if (user.IsInRole(Roles.Administrator))
            {
                caller.Scope = DataScope.System;
            }
            else if (user.IsInRole(Roles.ProvinceViewer) && user.FindFirst(StaffClaims.Province)?.Value is { } province)
            {
                var db = http.RequestServices.GetRequiredService<MotCuaDb>();
                caller.Scope = new DataScope(false, await db.Units.AsNoTracking().Where(u => u.ProvinceCode == province).Select(u => u.Id).ToListAsync(http.RequestAborted));
            }
            else if (caller.UnitId is { } unit)
            {
                caller.Scope = DataScope.Units(unit);
            }
        }

        await next(http);
    });
}

using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Localization;
using MotCua.Web.Data;
using MotCua.Web.Features.Account;
using MotCua.Web.Features.Admin;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Catalog;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Complaints;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.FieldSync;
using MotCua.Web.Features.FieldSync.Centre;
using MotCua.Web.Features.Outreach;
using MotCua.Web.Features.Quality;
using MotCua.Web.Platform;
using MotCua.Web.Platform.Auth;

namespace MotCua.Web.Host;

/// <summary>Composition of the one host: services, middleware and endpoints.</summary>
public static class App
{
    public const long MaxRequestBodyBytes = 6 * 1024 * 1024;

    /// <summary>Where the host listens by default (appsettings.json), and where a field kit does.</summary>
    public const string CentreUrls = "http://127.0.0.1:5080";

    public const string FieldUrls = "http://127.0.0.1:5090";

    public static WebApplicationBuilder AddMotCua(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var node = NodeRole.From(builder.Configuration);
        services.AddSingleton(node);

        // A field kit's clock is the laptop's; fault tests move it by hours to prove the centre corrects it.
        var clockOffset = builder.Configuration.GetValue("MotCua:Field:ClockOffset", TimeSpan.Zero);
        services.AddSingleton(node.IsFieldKit && clockOffset != TimeSpan.Zero ? new OffsetTimeProvider(TimeProvider.System, clockOffset) : TimeProvider.System);
        services.AddMotCuaDatabase(DatabaseSettings.From(builder.Configuration, builder.Environment));
        services.AddFieldSync(node, FieldSettings.From(builder.Configuration));
        services.AddFaultInjection(builder.Configuration);

        // A field kit listens beside a centre on the same machine unless told where: 5090 instead of the shipped 5080.
        if (node.IsFieldKit && builder.Configuration["Urls"] == CentreUrls)
        {
            builder.Configuration["Urls"] = FieldUrls;
        }
        services.AddMotCuaAuth(builder.Configuration);
        services.AddSingleton<SignInGuard>();
        services.AddMotCuaHardening(builder.Configuration);
        services.AddMotCuaQuality(builder.Configuration, builder.Environment);
        services.AddMotCuaComplaints(builder.Configuration);

        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            k.AddServerHeader = false;
        });
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = MaxRequestBodyBytes);
        services.ConfigureHttpJsonOptions(o => Json.Configure(o.SerializerOptions));

        // Binding failures reach the problem handler with their reason instead of an empty 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddOpenApi();
        services.AddLocalization();

        // Vietnamese text goes into pages as characters, not numeric entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.AuthorizeFolder("/", Policies.Staff);
                o.Conventions.AllowAnonymousToFolder("/Citizens");
                o.Conventions.AllowAnonymousToPage("/Account/Login");
                o.Conventions.AllowAnonymousToPage("/Account/Language");
                o.Conventions.AllowAnonymousToPage("/Errors/Error");

                // A field kit's own page: enrolment and the first kit come before any account exists on the laptop.
                o.Conventions.AllowAnonymousToPage("/FieldSync/Laptop/Index");
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(Resources.Strings)));
        services.AddRequestLocalization(o =>
        {
            o.SetDefaultCulture(Localization.CultureNames[0]);
            o.AddSupportedCultures(Localization.CultureNames);
            o.AddSupportedUICultures(Localization.CultureNames);
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders.Insert(2, new CustomRequestCultureProvider(http =>
                Task.FromResult(http.User.FindFirst(StaffClaims.Culture)?.Value is { } c ? new ProviderCultureResult(Localization.CultureNameOf(c)) : null)));
        });
        return builder;
    }

    public static WebApplication UseMotCua(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Before anything reads the client's address or scheme: believed only from the configured proxies.
        app.UseTrustedForwardedHeaders();

        // The API answers problem details; pages answer a friendly page that leaks nothing.
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(http => !IsApi(http), pages =>
        {
            pages.UseExceptionHandler("/error");
            pages.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseInputGuards();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseSessionChecks();
        app.UseRequestLocalization();
        app.UseCallerContext();
        app.UseAuthorization();
        app.UseApiAntiforgery();

        app.MapOpenApi().AllowAnonymous();
        app.MapAuthApi();
        app.MapCatalogApi();
        app.MapCalendarApi();
        app.MapDossiersApi();
        app.MapPublicDossiersApi();
        app.MapAuditApi();
        app.MapOutreachApi();
        app.MapQualityApi();
        app.MapFeedbackApi();
        app.MapPublicRatingApi();
        app.MapPublicFeedbackApi();
        app.MapFieldApi();
        app.MapRazorPages();
        return app;
    }

    private static bool IsApi(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || http.Request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);
}

using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Localization;
using MotCua.Web.Data;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Catalog;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Platform;
using MotCua.Web.Platform.Audit;
using MotCua.Web.Platform.Auth;

namespace MotCua.Web;

/// <summary>Composition of the one host: services, middleware and endpoints.</summary>
public static class App
{
    public const long MaxRequestBodyBytes = 6 * 1024 * 1024;

    public static WebApplicationBuilder AddMotCua(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddMotCuaDatabase(DatabaseSettings.From(builder.Configuration, builder.Environment));
        services.AddMotCuaAuth(builder.Configuration);
        services.AddMotCuaHardening(builder.Configuration);

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
        services.AddRequestLocalization(o =>
        {
            o.SetDefaultCulture("vi");
            o.AddSupportedCultures(Localization.SupportedCultures);
            o.AddSupportedUICultures(Localization.SupportedCultures);
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders.Insert(2, new CustomRequestCultureProvider(http =>
                Task.FromResult(http.User.FindFirst(StaffClaims.Culture)?.Value is { } c ? new ProviderCultureResult(c) : null)));
        });
        return builder;
    }

    public static WebApplication UseMotCua(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        app.UseInputGuards();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
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
        return app;
    }
}

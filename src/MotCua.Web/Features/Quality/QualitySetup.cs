using MotCua.Web.Platform.Auth;

namespace MotCua.Web.Features.Quality;

/// <summary>Authorization policies of the quality features (satisfaction, Index 766).</summary>
public static class QualityPolicies
{
    /// <summary>Read a unit's Index 766: a centre leader their commune, a province viewer every commune of the province, an administrator all.</summary>
    public const string ReadIndex = "quality.read";

    /// <summary>Read a province's ranking of every commune.</summary>
    public const string ReadRanking = "quality.ranking";

    /// <summary>Set the values of indicators measured outside MotCua.</summary>
    public const string Configure = "quality.configure";
}

public static class QualitySetup
{
    public static IServiceCollection AddMotCuaQuality(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton(QualitySettings.From(configuration, environment));
        services.AddAuthorizationBuilder()
            .AddPolicy(QualityPolicies.ReadIndex, p => p.RequireRole(Roles.CentreLeader, Roles.ProvinceViewer, Roles.Administrator))
            .AddPolicy(QualityPolicies.ReadRanking, p => p.RequireRole(Roles.ProvinceViewer, Roles.Administrator))
            .AddPolicy(QualityPolicies.Configure, p => p.RequireRole(Roles.Administrator));
        return services;
    }
}

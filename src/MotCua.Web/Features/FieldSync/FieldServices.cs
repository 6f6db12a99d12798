using MotCua.Web.Data.Dossiers;
using MotCua.Web.Features.FieldSync.Laptop;
using MotCua.Web.Platform;

namespace MotCua.Web.Features.FieldSync;

/// <summary>Services of the two roles of the one host: a centre takes field batches, a field kit numbers from its blocks and syncs.</summary>
public static class FieldServices
{
    public static IServiceCollection AddFieldSync(this IServiceCollection services, NodeRole node, FieldSettings settings)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(settings);
        if (!node.IsFieldKit)
        {
            services.AddSingleton(IntakeNumbering.Centre);
            return services;
        }

        services.AddSingleton<IntakeNumbering, FieldBlockNumbering>();
        services.AddHttpClient<FieldServerClient>(FieldServerClient.Name, c =>
        {
            c.BaseAddress = node.Centre;
            c.Timeout = TimeSpan.FromSeconds(100);
        });
        services.AddSingleton<FieldSyncRunner>();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Platform.Shared.Config;

public static class ConfigServiceCollectionExtensions
{
    /// <summary>
    /// The config-as-code applier and exporter. Needs <c>AddPlatformDatabase</c> (the context
    /// factory) and <c>AddPlatformSecrets</c> (the credential protector).
    /// </summary>
    public static IServiceCollection AddPlatformConfigAsCode(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ConfigApplier>();
        services.TryAddSingleton<ConfigExporter>();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Platform.DataPlane.Configuration;

internal static class PolicyServiceCollectionExtensions
{
    /// <summary>
    /// The policy snapshot: <see cref="PolicyStore"/> for the request path, and the loader that
    /// fills it before the host serves and keeps it fresh. Needs <c>AddPlatformDatabase</c> and
    /// <see cref="DataPlaneSecretsServiceCollectionExtensions.AddDataPlaneSecrets"/>.
    /// </summary>
    public static IServiceCollection AddPolicySnapshots(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PolicyLoaderOptions>()
            .Bind(configuration.GetSection(PolicyLoaderOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PolicyLoaderOptions>, PolicyLoaderOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PolicyStore>();
        services.TryAddSingleton<PolicyReader>();
        services.TryAddSingleton<PolicyCompiler>();
        services.TryAddSingleton<LastKnownGoodFile>();
        services.TryAddSingleton<PolicyLoader>();
        services.AddHostedService(sp => sp.GetRequiredService<PolicyLoader>());
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Platform.DataPlane.Caching;

internal static class CachingServiceCollectionExtensions
{
    public static IServiceCollection AddResponseCache(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CacheOptions>()
            .Bind(configuration.GetSection(CacheOptions.Section))
            .Validate(o => o.SizeLimitBytes > 0 && o.DefaultTtl > TimeSpan.Zero, "DataPlane:ResponseCache size limit and default TTL must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ResponseCache>();
        return services;
    }
}

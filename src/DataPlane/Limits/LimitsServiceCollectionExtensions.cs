using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.DataPlane.Recording;

namespace Platform.DataPlane.Limits;

internal static class LimitsServiceCollectionExtensions
{
    /// <summary>
    /// Requests and tokens per minute per key and tenant: the limiter (also told of every finished
    /// call, to count its tokens), the request-path step, and the sync that shares the counts
    /// between instances. Needs <c>AddPlatformDatabase</c> and <c>DataPlaneInstance</c>.
    /// </summary>
    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>()
            .Bind(configuration.GetSection(RateLimitOptions.Section))
            .Validate(
                o => o.SyncInterval > TimeSpan.Zero && o.SyncInterval <= RateLimitOptions.LongestSyncInterval,
                $"{RateLimitOptions.Section}:{nameof(RateLimitOptions.SyncInterval)} must be more than zero and at most {RateLimitOptions.LongestSyncInterval}.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RateLimiter>();
        services.AddSingleton<ICallSettlement>(sp => sp.GetRequiredService<RateLimiter>());
        services.AddSingleton<RateLimitAdmission>();
        services.AddSingleton<RateCounterStore>();
        services.AddSingleton<RateLimitSync>();
        services.AddHostedService(sp => sp.GetRequiredService<RateLimitSync>());
        return services;
    }
}

namespace Platform.DataPlane.Forwarding;

internal static class ForwardingServiceCollectionExtensions
{
    public static IServiceCollection AddForwarding(this IServiceCollection services)
    {
        services.AddSingleton<RetryPipelines>();
        services.AddSingleton<FallbackExecutor>();
        return services;
    }
}

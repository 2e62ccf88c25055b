using Platform.ControlPlane.Hosting;

namespace Platform.ControlPlane.Api;

internal static class ProviderConnectionTestExtensions
{
    /// <summary>The tester and its client: no redirects (a redirect would carry the credential elsewhere), no cookies.</summary>
    public static IServiceCollection AddProviderConnectionTest(this IServiceCollection services)
    {
        services.AddHttpClient(ProviderConnectionTester.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(TenantUrlHandler.Create);
        services.AddSingleton<ProviderConnectionTester>();
        return services;
    }
}

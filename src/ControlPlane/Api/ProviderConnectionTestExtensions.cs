using Platform.Shared.Hosting;

namespace Platform.ControlPlane.Api;

internal static class ProviderConnectionTestExtensions
{
    /// <summary>The tester and its client: no redirects (a redirect would carry the credential elsewhere), no cookies.</summary>
    public static IServiceCollection AddProviderConnectionTest(this IServiceCollection services)
    {
        services.AddHttpClient(ProviderConnectionTester.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                ConnectTimeout = TimeSpan.FromSeconds(5),
                ConnectCallback = sp.GetRequiredService<OutboundAddressPolicy>().ConnectAsync,
            });
        services.AddSingleton<ProviderConnectionTester>();
        return services;
    }
}

using Platform.Shared.Hosting;

namespace Platform.ControlPlane.Hosting;

/// <summary>
/// The handler of every control-plane client that calls a URL a tenant admin chose (provider
/// connection tests, budget-alert webhooks): no redirects, so the request cannot be bounced
/// elsewhere with what it carries; no cookies; a bounded connect; and the configured
/// <see cref="OutboundAddressPolicy"/> on every connection.
/// </summary>
internal static class TenantUrlHandler
{
    public static SocketsHttpHandler Create(IServiceProvider services) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        ConnectCallback = services.GetRequiredService<OutboundAddressPolicy>().ConnectAsync,
    };
}

namespace Platform.Shared.Hosting;

/// <summary>A connection <see cref="OutboundAddressPolicy"/> refused, before any packet was sent.</summary>
public sealed class OutboundAddressRefusedException(string host, System.Net.IPAddress address, string reason)
    : HttpRequestException(HttpRequestError.ConnectionError, $"Outbound connections to {host} are not allowed: it resolves to {address}, a {reason} address.")
{
    /// <summary>What kind of address it is: <c>link-local</c>, <c>loopback</c>, <c>private</c>, ...</summary>
    public string Reason { get; } = reason;
}

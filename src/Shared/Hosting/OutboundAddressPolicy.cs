using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;

namespace Platform.Shared.Hosting;

/// <summary>
/// Which addresses the platform's own outbound calls may connect to: provider calls, provider
/// connection tests and budget-alert webhooks, whose URLs tenant admins choose. Link-local addresses
/// (among them the cloud metadata service at 169.254.169.254), unspecified, multicast and broadcast
/// addresses are always refused. With <see cref="BlockPrivateNetworks"/> (<c>Outbound:BlockPrivateNetworks</c>),
/// for deployments whose tenants must not reach the operator's network, loopback and private ranges
/// are refused too; it is off by default because self-hosted models (vLLM, Ollama, llama.cpp) usually
/// live there. The check runs on every address the host name resolves to, at connect time, so a name
/// that resolves elsewhere later (DNS rebinding) is checked again.
/// </summary>
public sealed class OutboundAddressPolicy(bool blockPrivateNetworks)
{
    public const string Section = "Outbound";

    /// <summary>Link-local and the like refused, loopback and private networks allowed.</summary>
    public static OutboundAddressPolicy Default { get; } = new(blockPrivateNetworks: false);

    public bool BlockPrivateNetworks { get; } = blockPrivateNetworks;

    private const string BlockPrivateNetworksKey = Section + ":BlockPrivateNetworks";

    /// <summary>The policy that <c>Outbound:BlockPrivateNetworks</c> asks for (checked by <see cref="ValidationError"/>).</summary>
    public static OutboundAddressPolicy From(IConfiguration configuration) =>
        bool.TryParse(configuration[BlockPrivateNetworksKey], out var block) && block ? new(blockPrivateNetworks: true) : Default;

    /// <summary>What is wrong with the setting, for <see cref="StartupGuard"/>; null when it is absent, true or false.</summary>
    public static string? ValidationError(IConfiguration configuration) =>
        configuration[BlockPrivateNetworksKey] is { Length: > 0 } value && !bool.TryParse(value, out _)
            ? $"{BlockPrivateNetworksKey} must be true or false, not '{value}'."
            : null;

    /// <summary>Why the address is refused, or null when it is allowed.</summary>
    public string? Refusal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> b = stackalloc byte[4];
            address.TryWriteBytes(b, out _);
            return (b[0], b[1]) switch
            {
                (169, 254) => "link-local",
                (0, _) => "unspecified",
                (>= 224 and <= 239, _) => "multicast",
                (255, _) when b[2] == 255 && b[3] == 255 => "broadcast",
                _ when !BlockPrivateNetworks => null,
                (127, _) => "loopback",
                (10, _) or (192, 168) => "private",
                (172, >= 16 and <= 31) => "private",
                (100, >= 64 and <= 127) => "private (carrier-grade NAT)",
                _ => null,
            };
        }

        if (address.IsIPv6LinkLocal)
        {
            return "link-local";
        }

        if (address.Equals(IPAddress.IPv6Any))
        {
            return "unspecified";
        }

        if (address.IsIPv6Multicast)
        {
            return "multicast";
        }

        if (!BlockPrivateNetworks)
        {
            return null;
        }

        return IPAddress.IsLoopback(address) ? "loopback"
            : address.IsIPv6UniqueLocal || address.IsIPv6SiteLocal ? "private"
            : null;
    }

    /// <summary>
    /// A <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves the host, refuses it when any of its
    /// addresses is refused (so a name cannot mix an allowed address with a refused one), and connects
    /// as the handler would (dual-mode TCP, no Nagle).
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        foreach (var address in addresses)
        {
            if (Refusal(address) is { } reason)
            {
                throw new OutboundAddressRefusedException(endpoint.Host, address, reason);
            }
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

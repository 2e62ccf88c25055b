using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Configuration;
using Platform.Shared.Hosting;

namespace Platform.Shared.Tests.Hosting;

public sealed class OutboundAddressPolicyTests
{
    private static readonly OutboundAddressPolicy Strict = new(blockPrivateNetworks: true);

    [Theory]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("::ffff:169.254.169.254", "link-local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("::", "unspecified")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("255.255.255.255", "broadcast")]
    [InlineData("127.0.0.1", null)]
    [InlineData("::1", null)]
    [InlineData("10.1.2.3", null)]
    [InlineData("192.168.0.10", null)]
    [InlineData("8.8.8.8", null)]
    [InlineData("2001:db8::1", null)]
    public void Default_RefusesLinkLocalAndTheLike_AllowsLoopbackAndPrivate(string address, string? refusal) =>
        Assert.Equal(refusal, OutboundAddressPolicy.Default.Refusal(IPAddress.Parse(address)));

    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.8.9.10", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.0.10", "private")]
    [InlineData("100.64.0.1", "private (carrier-grade NAT)")]
    [InlineData("fd00::1", "private")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("172.32.0.1", null)]
    [InlineData("100.128.0.1", null)]
    [InlineData("8.8.8.8", null)]
    [InlineData("2001:db8::1", null)]
    public void BlockPrivateNetworks_AlsoRefusesLoopbackAndPrivateRanges(string address, string? refusal) =>
        Assert.Equal(refusal, Strict.Refusal(IPAddress.Parse(address)));

    [Theory]
    [InlineData(null, false)]
    [InlineData("false", false)]
    [InlineData("true", true)]
    [InlineData("True", true)]
    public void From_TheSetting_BlocksPrivateNetworksOnlyWhenTrue(string? value, bool blocks)
    {
        var configuration = Configuration(value);

        Assert.Null(OutboundAddressPolicy.ValidationError(configuration));
        Assert.Equal(blocks, OutboundAddressPolicy.From(configuration).BlockPrivateNetworks);
    }

    [Fact]
    public void StartupGuard_SettingNeitherTrueNorFalse_StopsStartUpNamingIt()
    {
        var configuration = Configuration("yes");

        Assert.Equal("Outbound:BlockPrivateNetworks must be true or false, not 'yes'.", OutboundAddressPolicy.ValidationError(configuration));
        Assert.False(StartupGuard.ValidateConfiguration(configuration, "test"));
    }

    [Fact]
    public async Task Connect_LoopbackAllowedByDefault_TheRequestIsAnswered()
    {
        using var listener = Listen();
        var answered = AnswerOnceAsync(listener);
        using var client = Client(OutboundAddressPolicy.Default);

        Assert.Equal("ok", await client.GetStringAsync($"http://127.0.0.1:{Port(listener)}/"));
        await answered;
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task Connect_LoopbackRefusedWhenPrivateNetworksAreBlocked_NothingConnects(string host)
    {
        using var listener = Listen();
        using var client = Client(Strict);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetStringAsync($"http://{host}:{Port(listener)}/"));

        Assert.Equal(HttpRequestError.ConnectionError, error.HttpRequestError);
        Assert.Contains($"Outbound connections to {host} are not allowed", error.Message, StringComparison.Ordinal);
        Assert.Contains("a loopback address", error.Message, StringComparison.Ordinal);
        Assert.False(listener.Pending());
    }

    [Fact]
    public async Task Connect_MetadataServiceRefusedByDefault_BeforeAnyConnectionAttempt()
    {
        using var client = Client(OutboundAddressPolicy.Default);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetStringAsync("http://169.254.169.254/latest/meta-data/"));

        Assert.Contains("it resolves to 169.254.169.254, a link-local address", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(string? blockPrivateNetworks) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Outbound:BlockPrivateNetworks"] = blockPrivateNetworks }).Build();

    private static HttpClient Client(OutboundAddressPolicy policy) =>
        new(new SocketsHttpHandler { ConnectCallback = policy.ConnectAsync, ConnectTimeout = TimeSpan.FromSeconds(5) });

    private static TcpListener Listen()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return listener;
    }

    private static int Port(TcpListener listener) => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Accepts one connection, reads the request head and answers <c>ok</c>.</summary>
    private static async Task AnswerOnceAsync(TcpListener listener)
    {
        using var socket = await listener.AcceptSocketAsync();
        var buffer = new byte[4096];
        var head = "";
        while (!head.Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await socket.ReceiveAsync(buffer);
            head += Encoding.ASCII.GetString(buffer, 0, read);
        }

        await socket.SendAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"));
    }
}

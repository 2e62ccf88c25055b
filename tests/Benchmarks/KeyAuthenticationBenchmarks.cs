using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Platform.Benchmarks.Inputs;
using Platform.DataPlane.Auth;
using Platform.Shared.Security;

namespace Platform.Benchmarks;

/// <summary>
/// Request path step 1: the caller's key, hashed with SHA-256 and looked up in a 100-key snapshot
/// (<see cref="KeyAuthenticator"/>). The hash-only rows show how much of it is the hash and its strings.
/// </summary>
[MemoryDiagnoser]
public class KeyAuthenticationBenchmarks
{
    private readonly Policies _policies = Policies.Instance;
    private readonly DateTime _now = DateTime.UtcNow;
    private HttpRequest _bearer = null!;
    private HttpRequest _apiKeyHeader = null!;
    private HttpRequest _unknown = null!;
    private byte[] _secretUtf8 = [];

    [GlobalSetup]
    public void Setup()
    {
        _bearer = Request("Authorization", "Bearer " + _policies.Secret);
        _apiKeyHeader = Request("x-api-key", _policies.Secret);
        _unknown = Request("Authorization", "Bearer " + ApiKeySecret.Marker + new string('z', 40));
        _secretUtf8 = System.Text.Encoding.UTF8.GetBytes(_policies.Secret);
        if (KeyAuthenticator.Authenticate(_bearer, _policies.Snapshot, _now).Failure != AuthFailure.None)
        {
            throw new InvalidOperationException("The benchmark key does not authenticate.");
        }
    }

    [Benchmark(Baseline = true)]
    public bool BearerKey() => KeyAuthenticator.Authenticate(_bearer, _policies.Snapshot, _now).Failure == AuthFailure.None;

    [Benchmark]
    public bool ApiKeyHeader() => KeyAuthenticator.Authenticate(_apiKeyHeader, _policies.Snapshot, _now).Failure == AuthFailure.None;

    [Benchmark]
    public bool UnknownKey() => KeyAuthenticator.Authenticate(_unknown, _policies.Snapshot, _now).Failure == AuthFailure.None;

    /// <summary>What the authenticator calls today: string → UTF-8 array → digest → hex string.</summary>
    [Benchmark]
    public string HashOnly_String() => ApiKeySecret.Hash(_policies.Secret);

    /// <summary>The span overload that already exists in Platform.Shared, for comparison.</summary>
    [Benchmark]
    public string HashOnly_Utf8Span() => ApiKeySecret.Hash(_secretUtf8);

    private static HttpRequest Request(string header, string value)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers[header] = value;
        return context.Request;
    }
}

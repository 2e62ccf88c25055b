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

    [GlobalSetup]
    public void Setup()
    {
        _bearer = Request("Authorization", "Bearer " + _policies.Secret);
        _apiKeyHeader = Request("x-api-key", _policies.Secret);
        _unknown = Request("Authorization", "Bearer " + ApiKeySecret.Marker + new string('z', 40));
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

    /// <summary>What the authenticator calls: the key's characters hashed into a stack buffer.</summary>
    [Benchmark]
    public int HashOnly_Span()
    {
        Span<char> hex = stackalloc char[ApiKeySecret.HashLength];
        ApiKeySecret.Hash(_policies.Secret, hex);
        return hex[0];
    }

    /// <summary>The same, returned as the string the control plane stores.</summary>
    [Benchmark]
    public string HashOnly_String() => ApiKeySecret.Hash(_policies.Secret);

    private static HttpRequest Request(string header, string value)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers[header] = value;
        return context.Request;
    }
}

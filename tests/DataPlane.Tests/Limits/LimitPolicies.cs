using System.Collections.Frozen;
using Platform.DataPlane.Chat;
using Platform.DataPlane.Configuration;
using Platform.DataPlane.Endpoints;
using Platform.DataPlane.Recording;

namespace Platform.DataPlane.Tests.Limits;

/// <summary>Tenants and keys with only the fields the rate limiter reads.</summary>
internal static class LimitPolicies
{
    public static TenantPolicy Tenant(int? rpm = null, int? tpm = null, Guid? id = null) => new()
    {
        TenantId = id ?? Guid.NewGuid(),
        Slug = "limits",
        ConfigVersion = 1,
        Providers = FrozenDictionary<string, ProviderPolicy>.Empty,
        Models = FrozenDictionary<string, ModelPolicy>.Empty,
        Tiers = FrozenDictionary<string, TierPolicy>.Empty,
        Routes = FrozenDictionary<string, RoutePolicy>.Empty,
        Prompts = FrozenDictionary<string, PromptPolicy>.Empty,
        RequestsPerMinute = rpm,
        TokensPerMinute = tpm,
    };

    public static KeyPolicy Key(TenantPolicy tenant, int? rpm = null, int? tpm = null, Guid? id = null) => new()
    {
        Id = id ?? Guid.NewGuid(),
        TenantId = tenant.TenantId,
        Name = "limited",
        Prefix = "plt_lim",
        RequestsPerMinute = rpm,
        TokensPerMinute = tpm,
    };

    /// <summary>A finished call of the key that used these tokens.</summary>
    public static (CallContext Call, CallResult Result) Finished(KeyPolicy key, TenantPolicy tenant, int input, int output)
    {
        var call = new CallContext("chat", Dialect.OpenAi, DateTime.UtcNow) { Key = key, Tenant = tenant };
        return (call, new CallResult(200, null, [], 0, new Usage(input, output, 0), null));
    }
}

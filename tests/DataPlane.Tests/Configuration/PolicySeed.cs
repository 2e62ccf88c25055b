using Platform.Shared.Domain;
using Platform.Shared.Security;

namespace Platform.DataPlane.Tests.Configuration;

/// <summary>One tenant's full configuration, written through a context scoped to it, as the control plane would.</summary>
internal static class PolicySeed
{
    public const string OpenAiSecret = "sk-openai-plain-secret-4711";
    public const string AnthropicSecret = "sk-ant-plain-secret-0815";
    public const string BrokenPayload = "CfDJ8-not-a-real-payload-sk-broken-secret";

    public static async Task SeedAsync(PolicyTestEnvironment env, Tenant tenant)
    {
        var protector = env.ControlPlaneProtector();
        await using var db = env.CreateContext(tenant.Id);

        var openai = new Provider
        {
            Name = "openai", Kind = ProviderKind.Simulator, BaseUrl = "http://127.0.0.1:5999/v1",
            EncryptedCredential = protector.Protect(OpenAiSecret), Region = "eu",
        };
        var anthropic = new Provider
        {
            Name = "anthropic", Kind = ProviderKind.Anthropic, BaseUrl = "https://api.anthropic.test",
            EncryptedCredential = protector.Protect(AnthropicSecret), Enabled = false,
        };
        var broken = new Provider { Name = "broken", BaseUrl = "https://broken.test", EncryptedCredential = BrokenPayload };

        var gptA = Model(openai, "openai/gpt-a", 128_000);
        var gptB = Model(openai, "openai/gpt-b", 16_000);
        var claude = Model(anthropic, "anthropic/claude", 200_000);
        var brokenModel = Model(broken, "broken/x", 8_000);
        brokenModel.Enabled = false;

        var general = new Tier
        {
            Name = "general",
            Models =
            [
                new TierModel { Model = gptB, Priority = 2, Weight = 1 },
                new TierModel { Model = claude, Priority = 3, Weight = 1 },
                new TierModel { Model = gptA, Priority = 1, Weight = 3 },
            ],
        };
        var careful = new FallbackPolicy
        {
            Name = "careful", PerAttemptTimeoutMs = 5_000, MaxCandidates = 2, MaxRetries = 2,
            RetryOn = ["timeout", "rate_limited", "no_such_class"],
            FallbackOn = ["server_error", "context_length"],
            DegradedMode = DegradedMode.FixedText, DegradedText = "Try again later.",
        };

        db.AddRange(openai, anthropic, broken, gptA, gptB, claude, brokenModel, general, careful);
        db.Routes.Add(new TaskRoute
        {
            Name = "support_summary", Tier = general, FallbackPolicy = careful, Strategy = RoutingStrategy.Weighted,
            PromptName = "summary", PromptLabel = "production", CustomerFacing = true, Sensitivity = Sensitivity.Redact,
            HedgeAfterMs = 800, CacheEnabled = true, CacheTtlSeconds = 60,
        });
        db.Routes.Add(new TaskRoute
        {
            Name = "explicit", Tier = general,
            Candidates =
            [
                new RouteCandidate { Model = claude, Priority = 1 },
                new RouteCandidate { Model = gptA, Priority = 0, Weight = 5 },
            ],
        });
        db.Prompts.Add(new Prompt
        {
            Name = "summary",
            Versions =
            [
                new PromptVersion { Version = 1, MessagesJson = """[{"role":"system","content":"v1 {{topic}}"}]""", Variables = ["topic"] },
                new PromptVersion { Version = 2, MessagesJson = """[{"role":"system","content":"v2 {{topic}}"}]""", Variables = ["topic"] },
            ],
            Labels = [new PromptLabel { Label = "production", Version = 1 }, new PromptLabel { Label = "staging", Version = 2 }],
        });
        db.Budgets.Add(new Budget
        {
            Name = "monthly", Period = BudgetPeriod.Month, LimitUsd = 100.5m, Action = BudgetAction.Downgrade,
            DowngradeTier = "general", ThresholdsPercent = [50, 80, 100],
        });
        await db.SaveChangesAsync();
    }

    public static async Task<string> AddKeyAsync(
        PolicyTestEnvironment env, Guid tenantId, string name, DateTime? expiresAt = null, DateTime? revokedAt = null)
    {
        var secret = ApiKeySecret.Generate();
        await using var db = env.CreateContext(tenantId);
        db.ApiKeys.Add(new ApiKey
        {
            Name = name, Prefix = ApiKeySecret.PrefixOf(secret), Hash = ApiKeySecret.Hash(secret),
            AllowedRoutes = ["support_summary"], AllowedEndpoints = ["chat"], RequestsPerMinute = 60, TokensPerMinute = 10_000,
            ExpiresAt = expiresAt, RevokedAt = revokedAt,
        });
        await db.SaveChangesAsync();
        return ApiKeySecret.Hash(secret);
    }

    private static CatalogModel Model(Provider provider, string name, int contextWindow) => new()
    {
        Name = name, Provider = provider, UpstreamId = name[(name.IndexOf('/') + 1)..], ContextWindow = contextWindow,
        MaxOutputTokens = 4_096, Capabilities = ModelCapabilities.Streaming | ModelCapabilities.Tools,
        InputPricePerMillion = 1.25m, OutputPricePerMillion = 5m,
    };
}

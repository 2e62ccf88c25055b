using Platform.Shared.Domain;

namespace Platform.Shared.Config;

/// <summary>Stored rows to document records; the inverse of the apply syncs, secrets left out.</summary>
internal static class ExportMapping
{
    public static ProviderConfig Provider(Provider p) => new()
    {
        Name = p.Name,
        Kind = p.Kind,
        BaseUrl = p.BaseUrl,
        Region = p.Region,
        Private = p.IsPrivate,
        Enabled = p.Enabled,
    };

    public static ModelConfig Model(CatalogModel m, string provider) => new()
    {
        Name = m.Name,
        Provider = provider,
        UpstreamId = m.UpstreamId,
        ContextWindow = m.ContextWindow,
        MaxOutputTokens = m.MaxOutputTokens,
        Capabilities = m.Capabilities,
        Prices = new ModelPricesConfig(m.InputPricePerMillion, m.OutputPricePerMillion, m.CachedInputPricePerMillion),
        Region = m.Region,
        ApprovedForCustomerFacing = m.ApprovedForCustomerFacing,
        Enabled = m.Enabled,
    };

    public static TierConfig Tier(Tier t, Dictionary<Guid, string> models) => new()
    {
        Name = t.Name,
        Description = t.Description,
        Models = [.. t.Models.OrderBy(m => m.Priority).Select(m => new WeightedModel(models[m.ModelId], m.Weight))],
    };

    public static FallbackPolicyConfig Policy(FallbackPolicy p) => new()
    {
        Name = p.Name,
        PerAttemptTimeoutMs = p.PerAttemptTimeoutMs,
        FirstTokenTimeoutMs = p.FirstTokenTimeoutMs,
        OverallDeadlineMs = p.OverallDeadlineMs,
        MaxRetries = p.MaxRetries,
        BackoffBaseMs = p.BackoffBaseMs,
        MaxCandidates = p.MaxCandidates,
        RetryOn = p.RetryOn,
        FallbackOn = p.FallbackOn,
        CircuitBreaker = new CircuitBreakerConfig
        {
            FailureRatio = p.BreakerFailureRatio,
            MinimumThroughput = p.BreakerMinimumThroughput,
            SamplingSeconds = p.BreakerSamplingSeconds,
            BreakSeconds = p.BreakerBreakSeconds,
        },
        DegradedMode = p.DegradedMode,
        DegradedText = p.DegradedText,
    };

    public static RouteConfig Route(
        TaskRoute r, Dictionary<Guid, string> models, Dictionary<Guid, string> tiers, Dictionary<Guid, string> policies) => new()
    {
        Name = r.Name,
        Description = r.Description,
        Tier = r.TierId is { } tier ? tiers[tier] : null,
        Candidates = [.. r.Candidates.OrderBy(c => c.Priority).Select(c => new WeightedModel(models[c.ModelId], c.Weight))],
        Strategy = r.Strategy,
        HedgeAfterMs = r.HedgeAfterMs,
        FallbackPolicy = r.FallbackPolicyId is { } policy ? policies[policy] : null,
        Region = r.RequiredRegion,
        CustomerFacing = r.CustomerFacing,
        Sensitivity = r.Sensitivity,
        PromptName = r.PromptName,
        PromptLabel = r.PromptLabel,
        CacheEnabled = r.CacheEnabled,
        CacheTtlSeconds = r.CacheTtlSeconds,
    };

    public static PromptConfig Prompt(Prompt p) => new()
    {
        Name = p.Name,
        Description = p.Description,
        Versions =
        [
            .. p.Versions.OrderBy(v => v.Version).Select(v => new PromptVersionConfig
            {
                Version = v.Version,
                MessagesJson = v.MessagesJson,
                Variables = v.Variables,
                ParametersJson = v.ParametersJson,
                ResponseSchemaJson = v.ResponseSchemaJson,
            }),
        ],
        Labels = [.. p.Labels.OrderBy(l => l.Label, StringComparer.Ordinal).Select(l => new PromptLabelConfig(l.Label, l.Version))],
    };

    public static BudgetConfig Budget(Budget b) => new()
    {
        Name = b.Name,
        Scope = b.Scope,
        ScopeValue = b.ScopeValue,
        Period = b.Period,
        Start = b.CustomStart,
        End = b.CustomEnd,
        LimitUsd = b.LimitUsd,
        Action = b.Action,
        DowngradeTier = b.DowngradeTier,
        Thresholds = b.ThresholdsPercent,
        AlertEmails = b.AlertEmails,
        AlertWebhookUrl = b.AlertWebhookUrl,
    };

    public static ApiKeyConfig ApiKey(ApiKey k) => new()
    {
        Name = k.Name,
        Endpoints = k.AllowedEndpoints,
        Routes = k.AllowedRoutes,
        Models = k.AllowedModels,
        RequestsPerMinute = k.RequestsPerMinute,
        TokensPerMinute = k.TokensPerMinute,
        ExpiresAt = k.ExpiresAt,
    };
}

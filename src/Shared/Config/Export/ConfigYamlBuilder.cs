using Platform.Shared.Domain;

namespace Platform.Shared.Config;

/// <summary>
/// A document in the file format, key order as in <c>config/demo.yaml</c>. Values equal to what
/// the parser assumes when a key is absent are left out, so the export reads like a hand-written file.
/// </summary>
internal static class ConfigYamlBuilder
{
    public static YMap Build(ConfigDocument document) => new YMap()
        .Int("version", document.Version)
        .Add("tenants", new YList([.. document.Tenants.Select(Tenant)], Flow: false));

    private static YMap Tenant(TenantConfig tenant) => new YMap()
        .Add("slug", tenant.Slug)
        .Add("name", tenant.Name)
        .Int("requestsPerMinute", tenant.RequestsPerMinute)
        .Int("tokensPerMinute", tenant.TokensPerMinute)
        .Add("providers", Block(tenant.Providers, Provider))
        .Add("models", Block(tenant.Models, Model))
        .Add("tiers", Block(tenant.Tiers, Tier))
        .Add("fallbackPolicies", Block(tenant.FallbackPolicies, FallbackPolicy))
        .Add("routes", Block(tenant.Routes, Route))
        .Add("prompts", Block(tenant.Prompts, PromptYaml.Prompt))
        .Add("budgets", Block(tenant.Budgets, Budget))
        .Add("apiKeys", Block(tenant.ApiKeys, ApiKey))
        .Add("members", Block(tenant.Members, Member));

    public static YList? Block<T>(IReadOnlyList<T> items, Func<T, YMap> map) =>
        items.Count == 0 ? null : new YList([.. items.Select(map)], Flow: false);

    private static YMap Provider(ProviderConfig p) => new YMap()
        .Add("name", p.Name)
        .Add("kind", ConfigVocabulary.ProviderKinds.NameOf(p.Kind))
        .Add("baseUrl", p.BaseUrl)
        .Add("region", p.Region)
        .Flag("private", p.Private)
        .Flag("enabled", p.Enabled, whenOmitted: true);

    private static YMap Model(ModelConfig m) => new YMap()
        .Add("name", m.Name)
        .Add("provider", m.Provider)
        .Add("upstreamId", m.UpstreamId)
        .Int("contextWindow", m.ContextWindow)
        .Int("maxOutputTokens", m.MaxOutputTokens == 0 ? null : m.MaxOutputTokens)
        .Add("capabilities", ModelSync.CapabilityNames(m.Capabilities))
        .Add("prices", new YMap(Flow: true).Decimal("input", m.Prices.Input).Decimal("output", m.Prices.Output).Decimal("cachedInput", m.Prices.CachedInput))
        .Add("region", m.Region)
        .Flag("approvedForCustomerFacing", m.ApprovedForCustomerFacing)
        .Flag("enabled", m.Enabled, whenOmitted: true);

    private static YMap Tier(TierConfig t) => new YMap()
        .Add("name", t.Name)
        .Add("description", t.Description)
        .Add("models", Models(t.Models));

    private static YMap FallbackPolicy(FallbackPolicyConfig p) => new YMap()
        .Add("name", p.Name)
        .Int("perAttemptTimeoutMs", p.PerAttemptTimeoutMs)
        .Int("firstTokenTimeoutMs", p.FirstTokenTimeoutMs)
        .Int("overallDeadlineMs", p.OverallDeadlineMs)
        .Int("maxRetries", p.MaxRetries)
        .Int("backoffBaseMs", p.BackoffBaseMs)
        .Int("maxCandidates", p.MaxCandidates)
        .Add("retryOn", p.RetryOn)
        .Add("fallbackOn", p.FallbackOn)
        .Add("circuitBreaker", new YMap(Flow: true)
            .Double("failureRatio", p.CircuitBreaker.FailureRatio)
            .Int("minimumThroughput", p.CircuitBreaker.MinimumThroughput)
            .Int("samplingSeconds", p.CircuitBreaker.SamplingSeconds)
            .Int("breakSeconds", p.CircuitBreaker.BreakSeconds))
        .Add("degraded", p.DegradedMode == DegradedMode.None
            ? null
            : new YMap(Flow: true).Add("mode", ConfigVocabulary.DegradedModes.NameOf(p.DegradedMode)).Add("text", p.DegradedText));

    private static YMap Route(RouteConfig r)
    {
        var constraints = new YMap(Flow: true)
            .Add("region", r.Region)
            .Flag("customerFacing", r.CustomerFacing)
            .Add("sensitivity", r.Sensitivity == Sensitivity.None ? null : ConfigVocabulary.Sensitivities.NameOf(r.Sensitivity));
        return new YMap()
            .Add("name", r.Name)
            .Add("description", r.Description)
            .Add("tier", r.Tier)
            .Add("candidates", r.Candidates.Count == 0 ? null : Models(r.Candidates))
            .Add("strategy", ConfigVocabulary.Strategies.NameOf(r.Strategy))
            .Int("hedgeAfterMs", r.HedgeAfterMs)
            .Add("fallbackPolicy", r.FallbackPolicy)
            .Add("constraints", constraints.Entries.Count == 0 ? null : constraints)
            .Add("prompt", r.PromptName is null ? null : new YMap(Flow: true).Add("name", r.PromptName).Add("label", r.PromptLabel))
            .Add("cache", !r.CacheEnabled && r.CacheTtlSeconds is null
                ? null
                : new YMap(Flow: true).Add("enabled", new YScalar(ConfigFormat.Bool(r.CacheEnabled), Verbatim: true)).Int("ttlSeconds", r.CacheTtlSeconds));
    }

    private static YMap Budget(BudgetConfig b) => new YMap()
        .Add("name", b.Name)
        .Add("scope", BudgetSync.ScopeText(b.Scope, b.ScopeValue))
        .Add("period", ConfigVocabulary.Periods.NameOf(b.Period))
        .Add("start", b.Start is { } start ? ConfigFormat.Timestamp(start) : null)
        .Add("end", b.End is { } end ? ConfigFormat.Timestamp(end) : null)
        .Decimal("limitUsd", b.LimitUsd)
        .Add("action", ConfigVocabulary.Actions.NameOf(b.Action))
        .Add("downgradeTier", b.DowngradeTier)
        .Ints("thresholds", b.Thresholds)
        .Add("alertEmails", b.AlertEmails)
        .Add("alertWebhookUrl", b.AlertWebhookUrl);

    private static YMap ApiKey(ApiKeyConfig k) => new YMap()
        .Add("name", k.Name)
        .Add("endpoints", k.Endpoints)
        .Add("routes", k.Routes)
        .Add("models", k.Models)
        .Int("requestsPerMinute", k.RequestsPerMinute)
        .Int("tokensPerMinute", k.TokensPerMinute)
        .Add("expiresAt", k.ExpiresAt is { } expires ? ConfigFormat.Timestamp(expires) : null);

    private static YMap Member(MemberConfig m) => new YMap()
        .Add("email", m.Email)
        .Add("role", ConfigVocabulary.Roles.NameOf(m.Role));

    /// <summary>Bare names, or <c>{ model, weight }</c> where the weight is not 1.</summary>
    private static YList Models(IReadOnlyList<WeightedModel> models) => new(
        [.. models.Select(m => m.Weight == 1
            ? (YNode)new YScalar(m.Model)
            : new YMap(Flow: true).Add("model", m.Model).Int("weight", m.Weight))],
        Flow: true);
}

using Platform.Shared.Domain;

namespace Platform.DataPlane.Configuration;

/// <summary>EF rows to documents: a plain copy, no decisions (those belong to the compiler).</summary>
internal static class PolicyRowMapper
{
    public static ProviderDocument ToDocument(Provider p) =>
        new(p.Id, p.Name, p.Kind, p.BaseUrl, p.EncryptedCredential, p.Region, p.IsPrivate, p.Enabled);

    public static ModelDocument ToDocument(CatalogModel m) =>
        new(m.Id, m.Name, m.ProviderId, m.UpstreamId, m.ContextWindow, m.MaxOutputTokens, m.Capabilities,
            m.InputPricePerMillion, m.OutputPricePerMillion, m.CachedInputPricePerMillion, m.Region,
            m.ApprovedForCustomerFacing, m.Enabled);

    public static TierDocument ToDocument(Tier t) =>
        new(t.Id, t.Name, [.. t.Models.Select(m => new CandidateDocument(m.ModelId, m.Priority, m.Weight))]);

    public static FallbackDocument ToDocument(FallbackPolicy f) =>
        new(f.Id, f.Name, f.PerAttemptTimeoutMs, f.FirstTokenTimeoutMs, f.OverallDeadlineMs, f.MaxRetries,
            f.BackoffBaseMs, f.MaxCandidates, [.. f.RetryOn], [.. f.FallbackOn], f.BreakerFailureRatio,
            f.BreakerMinimumThroughput, f.BreakerSamplingSeconds, f.BreakerBreakSeconds, f.DegradedMode, f.DegradedText);

    public static RouteDocument ToDocument(TaskRoute r) =>
        new(r.Name, r.TierId, [.. r.Candidates.Select(c => new CandidateDocument(c.ModelId, c.Priority, c.Weight))],
            r.Strategy, r.HedgeAfterMs, r.FallbackPolicyId, r.RequiredRegion, r.CustomerFacing, r.Sensitivity,
            r.PromptName, r.PromptLabel, r.CacheEnabled, r.CacheTtlSeconds);

    public static PromptDocument ToDocument(Prompt p) =>
        new(p.Name,
            [.. p.Versions.Select(v => new PromptVersionDocument(v.Version, v.MessagesJson, [.. v.Variables], v.ParametersJson, v.ResponseSchemaJson))],
            p.Labels.ToDictionary(l => l.Label, l => l.Version, StringComparer.Ordinal));

    public static BudgetDocument ToDocument(Budget b) =>
        new(b.Id, b.Name, b.Scope, b.ScopeValue, b.Period, b.CustomStart, b.CustomEnd, b.LimitUsd, b.Action,
            b.DowngradeTier, [.. b.ThresholdsPercent]);

    public static KeyDocument ToDocument(ApiKey k) =>
        new(k.Id, k.TenantId, k.Name, k.Prefix, k.Hash, [.. k.AllowedEndpoints], [.. k.AllowedRoutes],
            [.. k.AllowedModels], k.ExpiresAt, k.RevokedAt, k.RequestsPerMinute, k.TokensPerMinute);
}

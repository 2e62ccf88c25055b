using Platform.Shared.Domain;

namespace Platform.Shared.Config;

/// <summary>Every enumerated word of the config format, shared by the parser and the exporter.</summary>
public static class ConfigVocabulary
{
    public static readonly NameMap<ProviderKind> ProviderKinds = new(
        ("openai-compatible", ProviderKind.OpenAiCompatible),
        ("anthropic", ProviderKind.Anthropic),
        ("gemini", ProviderKind.Gemini),
        ("simulator", ProviderKind.Simulator));

    /// <summary>In export order.</summary>
    public static readonly NameMap<ModelCapabilities> Capabilities = new(
        ("streaming", ModelCapabilities.Streaming),
        ("tools", ModelCapabilities.Tools),
        ("jsonSchema", ModelCapabilities.JsonSchema),
        ("vision", ModelCapabilities.Vision),
        ("embeddings", ModelCapabilities.Embeddings));

    public static readonly NameMap<RoutingStrategy> Strategies = new(
        ("priority", RoutingStrategy.Priority),
        ("weighted", RoutingStrategy.Weighted),
        ("leastLatency", RoutingStrategy.LeastLatency),
        ("leastCost", RoutingStrategy.LeastCost),
        ("hedged", RoutingStrategy.Hedged));

    public static readonly NameMap<Sensitivity> Sensitivities = new(
        ("none", Sensitivity.None),
        ("privateOnly", Sensitivity.PrivateOnly),
        ("redact", Sensitivity.Redact));

    public static readonly NameMap<DegradedMode> DegradedModes = new(
        ("none", DegradedMode.None),
        ("fixedText", DegradedMode.FixedText),
        ("cachedAnswer", DegradedMode.CachedAnswer));

    public static readonly NameMap<BudgetPeriod> Periods = new(
        ("day", BudgetPeriod.Day),
        ("week", BudgetPeriod.Week),
        ("month", BudgetPeriod.Month),
        ("custom", BudgetPeriod.Custom));

    public static readonly NameMap<BudgetAction> Actions = new(
        ("hard", BudgetAction.Hard),
        ("soft", BudgetAction.Soft),
        ("downgrade", BudgetAction.Downgrade));

    public static readonly NameMap<TenantRole> Roles = new(
        ("owner", TenantRole.Owner),
        ("admin", TenantRole.Admin),
        ("finance", TenantRole.Finance),
        ("viewer", TenantRole.Viewer));

    /// <summary>The error classes a fallback policy may retry or fall back on.</summary>
    public static readonly IReadOnlyList<string> ErrorClasses =
    [
        "timeout", "connection", "rate_limited", "server_error", "overloaded",
        "context_length", "auth", "malformed_response", "stream_broken",
    ];

    /// <summary>
    /// The error classes that count against a deployment's circuit breaker: the upstream is unwell,
    /// not the request. The data plane's breaker decides by them (a test pins the two together);
    /// the control plane reads them to infer a circuit's state from recorded attempts.
    /// </summary>
    public static readonly IReadOnlyList<string> BreakingErrorClasses =
    [
        "timeout", "connection", "rate_limited", "server_error", "overloaded", "malformed_response", "stream_broken",
    ];

    /// <summary>Data-plane endpoints an API key may be limited to.</summary>
    public static readonly IReadOnlyList<string> Endpoints = ["chat", "completions", "embeddings", "messages", "models"];

    public static readonly IReadOnlyList<string> MessageRoles = ["system", "developer", "user", "assistant", "tool"];

    public const string BudgetScopeTenant = "tenant";
    public const string BudgetScopeFeature = "feature:";
    public const string BudgetScopeKey = "key:";
}

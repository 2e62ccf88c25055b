using Platform.Shared.Domain;
using YamlDotNet.RepresentationModel;

namespace Platform.Shared.Config;

internal static class FallbackPolicyReader
{
    public static FallbackPolicyConfig? Read(ParseContext context, YamlNode node, TenantNames names)
    {
        var map = YamlMap.From(context, node, "fallback policy",
            "name", "perAttemptTimeoutMs", "firstTokenTimeoutMs", "overallDeadlineMs", "maxRetries", "backoffBaseMs",
            "maxCandidates", "retryOn", "fallbackOn", "circuitBreaker", "degraded");
        if (map is null)
        {
            return null;
        }

        var name = Rules.Name(map, "fallback policy");
        var defaults = new FallbackPolicyConfig { Name = "" };
        var errorClass = Rules.OneOf(context, ConfigVocabulary.ErrorClasses, "error class");
        var policy = new FallbackPolicyConfig
        {
            Name = name ?? "",
            PerAttemptTimeoutMs = map.Int("perAttemptTimeoutMs", 1) ?? defaults.PerAttemptTimeoutMs,
            FirstTokenTimeoutMs = map.Int("firstTokenTimeoutMs", 1) ?? defaults.FirstTokenTimeoutMs,
            OverallDeadlineMs = map.Int("overallDeadlineMs", 1) ?? defaults.OverallDeadlineMs,
            MaxRetries = map.Int("maxRetries", 0) ?? defaults.MaxRetries,
            BackoffBaseMs = map.Int("backoffBaseMs", 0) ?? defaults.BackoffBaseMs,
            MaxCandidates = map.Int("maxCandidates", 1) ?? defaults.MaxCandidates,
            RetryOn = map.Strings("retryOn", errorClass),
            FallbackOn = map.Strings("fallbackOn", errorClass),
            CircuitBreaker = CircuitBreaker(map),
            Location = map.Location,
        };
        if (policy.PerAttemptTimeoutMs > policy.OverallDeadlineMs)
        {
            map.Error("perAttemptTimeoutMs", "'perAttemptTimeoutMs' cannot exceed 'overallDeadlineMs'");
        }

        policy = Degraded(map, policy);
        return name is not null && names.Declare(TenantNames.Policy, name, map["name"]!) ? policy : null;
    }

    private static CircuitBreakerConfig CircuitBreaker(YamlMap map)
    {
        var defaults = new CircuitBreakerConfig();
        var breaker = map.Map("circuitBreaker", "circuitBreaker", "failureRatio", "minimumThroughput", "samplingSeconds", "breakSeconds");
        return breaker is null
            ? defaults
            : new CircuitBreakerConfig
            {
                FailureRatio = breaker.Double("failureRatio", 0, 1) ?? defaults.FailureRatio,
                MinimumThroughput = breaker.Int("minimumThroughput", 1) ?? defaults.MinimumThroughput,
                SamplingSeconds = breaker.Int("samplingSeconds", 1) ?? defaults.SamplingSeconds,
                BreakSeconds = breaker.Int("breakSeconds", 1) ?? defaults.BreakSeconds,
            };
    }

    private static FallbackPolicyConfig Degraded(YamlMap map, FallbackPolicyConfig policy)
    {
        var degraded = map.Map("degraded", "degraded", "mode", "text");
        if (degraded is null)
        {
            return policy;
        }

        var mode = degraded.Enum("mode", ConfigVocabulary.DegradedModes, required: true) ?? DegradedMode.None;
        var text = degraded.String("text");
        if (mode == DegradedMode.FixedText && text is null)
        {
            degraded.Error("mode", "degraded mode 'fixedText' needs a 'text'");
        }
        else if (mode != DegradedMode.FixedText && text is not null)
        {
            degraded.Error("text", "'text' applies only to degraded mode 'fixedText'");
        }

        return policy with { DegradedMode = mode, DegradedText = text };
    }
}

using System.Runtime.CompilerServices;
using Platform.DataPlane.Configuration;
using Polly;
using Polly.Retry;

namespace Platform.DataPlane.Forwarding;

/// <summary>
/// One Polly retry pipeline per fallback policy (cached on the immutable rules object, so a policy
/// change builds a new one and nothing is built per request). Exponential backoff with jitter;
/// a provider's Retry-After replaces the computed delay, but one longer than
/// <see cref="MaxHonouredRetryAfter"/> is not waited for: the executor falls back instead.
/// </summary>
internal sealed class RetryPipelines(TimeProvider time)
{
    public static readonly TimeSpan MaxHonouredRetryAfter = TimeSpan.FromSeconds(5);

    private readonly ConditionalWeakTable<FallbackRules, ResiliencePipeline> _pipelines = [];

    public ResiliencePipeline For(FallbackRules rules) => _pipelines.GetValue(rules, Build);

    private ResiliencePipeline Build(FallbackRules rules)
    {
        if (rules.MaxRetries <= 0)
        {
            return ResiliencePipeline.Empty;
        }

        return new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = rules.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = rules.BackoffBase,
                MaxDelay = MaxHonouredRetryAfter,
                ShouldHandle = new PredicateBuilder().Handle<UpstreamException>(e => FailurePolicy.MayRetry(rules, e)),
                DelayGenerator = static args => ValueTask.FromResult(
                    args.Outcome.Exception is UpstreamException { RetryAfter: { } retryAfter } ? retryAfter : (TimeSpan?)null),
            })
            .Build();
    }
}

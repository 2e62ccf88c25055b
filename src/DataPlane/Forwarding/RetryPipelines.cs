using System.Runtime.CompilerServices;
using Platform.DataPlane.Configuration;
using Platform.DataPlane.Health;
using Polly;
using Polly.Retry;

namespace Platform.DataPlane.Forwarding;

/// <summary>
/// One Polly pipeline per fallback policy and deployment: the policy's retries around the deployment's
/// circuit breaker (<see cref="DeploymentHealth.Pipeline"/>, whose state it shares). Cached on the immutable
/// rules object and the breaker's pipeline, so a policy change or a rebuilt breaker builds a new one and
/// nothing is built per request. Exponential backoff with jitter; a provider's Retry-After replaces the
/// computed delay, but one longer than <see cref="MaxHonouredRetryAfter"/> is not waited for: the executor
/// falls back instead. A breaker that refuses an attempt throws <see cref="Polly.CircuitBreaker.BrokenCircuitException"/>,
/// which is not retried.
/// </summary>
internal sealed class RetryPipelines(TimeProvider time)
{
    public static readonly TimeSpan MaxHonouredRetryAfter = TimeSpan.FromSeconds(5);

    private readonly ConditionalWeakTable<FallbackRules, ConditionalWeakTable<ResiliencePipeline, ResiliencePipeline>> _pipelines = [];

    public ResiliencePipeline For(FallbackRules rules, ResiliencePipeline breaker)
    {
        var byBreaker = _pipelines.GetValue(rules, static _ => []);
        return byBreaker.TryGetValue(breaker, out var pipeline) ? pipeline : byBreaker.GetValue(breaker, b => Build(rules, b));
    }

    private ResiliencePipeline Build(FallbackRules rules, ResiliencePipeline breaker)
    {
        if (rules.MaxRetries <= 0)
        {
            return breaker;
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
            .AddPipeline(breaker)
            .Build();
    }
}

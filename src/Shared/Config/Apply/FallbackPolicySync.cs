using Platform.Shared.Domain;

namespace Platform.Shared.Config;

internal static class FallbackPolicySync
{
    private const string Kind = "fallback policy";

    public static void Sync(TenantPlan plan)
    {
        foreach (var desired in plan.Config.FallbackPolicies)
        {
            var entity = plan.State.Policies.Find(p => p.Name == desired.Name);
            var changes = new FieldChanges();
            if (entity is null)
            {
                entity = new FallbackPolicy { Name = desired.Name };
                plan.Db.FallbackPolicies.Add(entity);
                plan.Log.Created(Kind, plan.PathOf(desired.Name));
                Update(entity, desired, new FieldChanges());
            }
            else
            {
                Update(entity, desired, changes);
                plan.Log.Updated(Kind, plan.PathOf(desired.Name), changes);
            }

            plan.Policies[desired.Name] = entity;
        }
    }

    public static void DeleteAbsent(TenantPlan plan)
    {
        foreach (var entity in plan.State.Policies.Where(p => !plan.Policies.ContainsKey(p.Name)))
        {
            plan.Db.FallbackPolicies.Remove(entity);
            plan.Log.Deleted(Kind, plan.PathOf(entity.Name));
        }
    }

    private static void Update(FallbackPolicy entity, FallbackPolicyConfig desired, FieldChanges changes)
    {
        changes.Set("perAttemptTimeoutMs", entity.PerAttemptTimeoutMs, desired.PerAttemptTimeoutMs, v => entity.PerAttemptTimeoutMs = v);
        changes.Set("firstTokenTimeoutMs", entity.FirstTokenTimeoutMs, desired.FirstTokenTimeoutMs, v => entity.FirstTokenTimeoutMs = v);
        changes.Set("overallDeadlineMs", entity.OverallDeadlineMs, desired.OverallDeadlineMs, v => entity.OverallDeadlineMs = v);
        changes.Set("maxRetries", entity.MaxRetries, desired.MaxRetries, v => entity.MaxRetries = v);
        changes.Set("backoffBaseMs", entity.BackoffBaseMs, desired.BackoffBaseMs, v => entity.BackoffBaseMs = v);
        changes.Set("maxCandidates", entity.MaxCandidates, desired.MaxCandidates, v => entity.MaxCandidates = v);
        changes.SetList("retryOn", entity.RetryOn, desired.RetryOn, v => entity.RetryOn = v);
        changes.SetList("fallbackOn", entity.FallbackOn, desired.FallbackOn, v => entity.FallbackOn = v);
        var breaker = desired.CircuitBreaker;
        changes.Set("circuitBreaker.failureRatio", entity.BreakerFailureRatio, breaker.FailureRatio, v => entity.BreakerFailureRatio = v);
        changes.Set("circuitBreaker.minimumThroughput", entity.BreakerMinimumThroughput, breaker.MinimumThroughput, v => entity.BreakerMinimumThroughput = v);
        changes.Set("circuitBreaker.samplingSeconds", entity.BreakerSamplingSeconds, breaker.SamplingSeconds, v => entity.BreakerSamplingSeconds = v);
        changes.Set("circuitBreaker.breakSeconds", entity.BreakerBreakSeconds, breaker.BreakSeconds, v => entity.BreakerBreakSeconds = v);
        changes.Set("degraded.mode", entity.DegradedMode, desired.DegradedMode, v => entity.DegradedMode = v, ConfigVocabulary.DegradedModes.NameOf);
        changes.Set("degraded.text", entity.DegradedText, desired.DegradedText, v => entity.DegradedText = v);
    }
}

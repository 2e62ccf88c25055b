using Microsoft.Extensions.Options;
using Platform.DataPlane.Caching;
using Platform.DataPlane.Chat;
using Platform.DataPlane.Configuration;
using Platform.DataPlane.Endpoints;
using Platform.DataPlane.Forwarding;
using Platform.DataPlane.Hosting;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Recording;

/// <summary>The facts of a finished call that are not in <see cref="CallContext"/>.</summary>
internal readonly record struct CallResult(
    int Status,
    ModelPolicy? Model,
    IReadOnlyList<AttemptRecord> Attempts,
    int FallbackCount,
    Chat.Usage Usage,
    ErrorClass? Error,
    int? TimeToFirstTokenMs = null,
    bool Degraded = false)
{
    /// <summary>A call refused before any upstream attempt (bad body, no route, too large).</summary>
    public static CallResult Refused(int status) => new(status, null, [], 0, default, null);
}

/// <summary>
/// Builds the one usage event of a call (with its attempts), appends it to the journal (so it
/// survives the process being killed) and hands it to the channel. Priced at
/// the prices of the snapshot the call ran under. A hedged attempt that lost the race is recorded
/// with the cost of its input tokens (estimated): the provider read the prompt before we cancelled.
/// </summary>
internal sealed class UsageRecorder(
    UsageChannel channel,
    UsageJournal journal,
    IEnumerable<ICallSettlement> settlements,
    DataPlaneInstance instance,
    IOptions<DataPlaneOptions> options)
{
    private readonly bool _enabled = options.Value.RecordUsage;
    private readonly ICallSettlement[] _settlements = [.. settlements];

    public void Record(CallContext call, in CallResult result)
    {
        if (call.Tenant is null)
        {
            return;
        }

        // A cache hit names the model that once answered, but no provider was paid for it.
        var cost = result.Model is null || call.Cache == CacheOutcome.Hit ? 0 : CostCalculator.NanoUsd(result.Model, result.Usage);
        foreach (var settlement in _settlements)
        {
            settlement.Settle(call, result, cost);
        }

        if (!_enabled)
        {
            return;
        }

        // No Id here: TenantEntity's initializer already made a version-7 one (Ids, no system call).
        var usage = new UsageEvent
        {
            TenantId = call.Tenant.TenantId,
            ApiKeyId = call.Key?.Id,
            Endpoint = call.Endpoint,
            Feature = call.Feature,
            Customer = call.Customer,
            Route = call.Decision?.RouteName,
            Strategy = call.Decision?.Strategy.ToString(),
            PromptName = call.PromptName,
            PromptLabel = call.PromptLabel,
            PromptVersion = call.PromptVersion,
            Redacted = call.Redacted,
            RecordedBy = instance.Id,
            Provider = result.Model?.Provider.Name,
            Model = result.Model?.UpstreamId,
            Status = result.Status,
            ErrorClass = result.Error?.ToName(),
            StartedAt = call.StartedAt,
            LatencyMs = (int)call.Elapsed.TotalMilliseconds,
            TimeToFirstTokenMs = result.TimeToFirstTokenMs,
            InputTokens = result.Usage.InputTokens,
            OutputTokens = result.Usage.OutputTokens,
            CachedTokens = result.Usage.CachedInputTokens,
            CostNanoUsd = cost,
            CostEstimated = result.Usage.Estimated,
            Streamed = call.Streamed,
            FallbackCount = result.FallbackCount,
            Degraded = result.Degraded,
            CacheHit = call.Cache == CacheOutcome.Hit,
        };

        // Indexed: foreach over the IReadOnlyList would box an enumerator per call.
        for (var i = 0; i < result.Attempts.Count; i++)
        {
            var attempt = result.Attempts[i];
            var won = attempt.Error is null && !attempt.Cancelled && ReferenceEquals(attempt.Model, result.Model);
            if (won)
            {
                usage.UpstreamLatencyMs = (int)attempt.Latency.TotalMilliseconds;
            }

            var attemptCost = won ? usage.CostNanoUsd
                : attempt.Cancelled ? CostCalculator.NanoUsd(attempt.Model, new Chat.Usage(call.EstimatedInputTokens, 0, 0, Estimated: true))
                : 0;
            usage.Attempts.Add(new UsageAttempt
            {
                TenantId = usage.TenantId,
                UsageEventId = usage.Id,
                Index = attempt.Index,
                Provider = attempt.Model.Provider.Name,
                Model = attempt.Model.UpstreamId,
                Status = attempt.Status,
                ErrorClass = attempt.Error?.ToName(),
                LatencyMs = (int)attempt.Latency.TotalMilliseconds,
                InputTokens = won ? usage.InputTokens : attempt.Cancelled ? call.EstimatedInputTokens : 0,
                OutputTokens = won ? usage.OutputTokens : 0,
                CostNanoUsd = attemptCost,
                Cancelled = attempt.Cancelled,
            });
        }

        channel.TryWrite(new JournaledUsage(usage, journal.Append(usage)));
    }
}

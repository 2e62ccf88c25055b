using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Platform.DataPlane.Configuration;
using Platform.DataPlane.Forwarding;
using Polly;
using Polly.CircuitBreaker;

namespace Platform.DataPlane.Health;

/// <summary>
/// The process-wide breaker registry, one circuit per deployment (<see cref="ModelPolicy.Id"/>).
/// The executor runs every upstream attempt through the deployment's <see cref="Pipeline"/>;
/// candidate selection asks <see cref="IsOpen(Guid)"/>.
/// <para>
/// Breaker settings come from the route's <see cref="FallbackRules"/>. A deployment shared by
/// two routes with different settings would reset its history on every call if each call
/// rebuilt it, so within one policy snapshot the first route to use a deployment decides; a
/// new snapshot (a new <see cref="ModelPolicy"/> instance) with different settings rebuilds the
/// circuit, and its failure history starts over.
/// </para>
/// </summary>
internal sealed class DeploymentHealth(TimeProvider time, LatencyTracker latency, ILogger<DeploymentHealth> logger)
{
    private readonly ConcurrentDictionary<Guid, DeploymentCircuit> _circuits = new();

    public TimeProvider Time => time;

    public LatencyTracker Latency => latency;

    /// <summary>True while the deployment's circuit is open or isolated; half-open reads as usable.</summary>
    public bool IsOpen(Guid modelId) => IsOpen(modelId, time.GetUtcNow().UtcTicks);

    public bool IsOpen(Guid modelId, long utcNowTicks) =>
        _circuits.TryGetValue(modelId, out var circuit) && circuit.IsOpen(utcNowTicks);

    /// <summary>Polly's state for dashboards and tests; <see cref="CircuitState.Closed"/> for a deployment never used.</summary>
    public CircuitState GetState(Guid modelId) =>
        _circuits.TryGetValue(modelId, out var circuit) ? circuit.StateProvider.CircuitState : CircuitState.Closed;

    /// <summary>
    /// The deployment's breaker, for the executor to run attempts through (inside its retries,
    /// <see cref="RetryPipelines"/>). Breaking failures (see <see cref="BreakingErrors"/>)
    /// are counted and rethrown unchanged. While the circuit is open the callback does not run and
    /// Polly throws <see cref="BrokenCircuitException"/> (<see cref="IsolatedCircuitException"/> when
    /// isolated): treat it as "skip this candidate". A cancelled attempt (the caller left, or a hedge
    /// lost) is not a breaking failure; Polly samples it as a success.
    /// </summary>
    public ResiliencePipeline Pipeline(ModelPolicy model, FallbackRules rules) => GetCircuit(model, rules).Pipeline;

    /// <summary>
    /// Counts a failure that surfaced after the attempt's callback had returned successfully: a
    /// stream that broke after its first bytes. It runs a failed outcome through the same
    /// pipeline (no exception is thrown), so the attempt is sampled twice: once as the success
    /// that started the stream, once as this failure. Nothing is recorded while the circuit is
    /// open, and the failure is ignored when <paramref name="errorClass"/> is not breaking.
    /// </summary>
    public async ValueTask RecordFailureAsync(ModelPolicy model, FallbackRules rules, ErrorClass errorClass, CancellationToken cancellationToken = default)
    {
        if (!BreakingErrors.IsBreaking(errorClass))
        {
            return;
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            await GetCircuit(model, rules).Pipeline.ExecuteOutcomeAsync(
                static (_, failure) => new ValueTask<Outcome<bool>>(Outcome.FromException<bool>(failure)),
                context,
                new UpstreamException(errorClass, $"{errorClass.ToName()} after the response started")).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>A successful attempt's upstream latency, for least-latency ordering (see <see cref="LatencyTracker"/>).</summary>
    public void RecordLatency(ModelPolicy model, TimeSpan elapsed) => latency.RecordSuccess(model.Id, elapsed);

    /// <summary>A failed attempt, for the error rate; the breaker counts it through its <see cref="Pipeline"/> already.</summary>
    public void RecordError(ModelPolicy model) => latency.RecordFailure(model.Id);

    private DeploymentCircuit GetCircuit(ModelPolicy model, FallbackRules rules)
    {
        var settings = BreakerSettings.From(rules);
        if (_circuits.TryGetValue(model.Id, out var circuit))
        {
            if (circuit.Settings == settings)
            {
                if (!ReferenceEquals(circuit.Owner, model))
                {
                    circuit.Adopt(model);
                }

                return circuit;
            }

            if (ReferenceEquals(circuit.Owner, model))
            {
                return circuit;
            }
        }

        return Rebuild(model, settings);
    }

    private DeploymentCircuit Rebuild(ModelPolicy model, BreakerSettings settings)
    {
        var created = new DeploymentCircuit(model.Id, model.Name, model, settings, time, logger);
        while (true)
        {
            if (_circuits.TryGetValue(model.Id, out var current))
            {
                if (current.Settings == settings || ReferenceEquals(current.Owner, model))
                {
                    return current;
                }

                if (_circuits.TryUpdate(model.Id, created, current))
                {
                    logger.CircuitRebuilt(model.Name);
                    return created;
                }
            }
            else if (_circuits.TryAdd(model.Id, created))
            {
                return created;
            }
        }
    }
}

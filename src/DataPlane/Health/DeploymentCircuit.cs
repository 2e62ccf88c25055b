using Microsoft.Extensions.Logging;
using Platform.DataPlane.Forwarding;
using Polly;
using Polly.CircuitBreaker;

namespace Platform.DataPlane.Health;

/// <summary>
/// One deployment's Polly circuit breaker plus a lock-free mirror of its state. Polly's own
/// <see cref="CircuitBreakerStateProvider"/> takes a lock on every read and only moves Open to
/// HalfOpen when an execution arrives, so candidate selection reads the mirror instead: the
/// state callbacks write an "open until" instant, and a reader compares it with the clock.
/// </summary>
internal sealed class DeploymentCircuit
{
    private const long Closed = 0;
    private const long Forever = long.MaxValue;

    private readonly TimeProvider _time;
    private long _openUntilTicks;
    private object _owner;

    public DeploymentCircuit(Guid modelId, string modelName, object owner, BreakerSettings settings, TimeProvider time, ILogger log)
    {
        ModelId = modelId;
        Settings = settings;
        _owner = owner;
        _time = time;
        StateProvider = new CircuitBreakerStateProvider();
        Pipeline = new ResiliencePipelineBuilder { TimeProvider = time, Name = "deployment", InstanceName = modelName }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = settings.FailureRatio,
                MinimumThroughput = settings.MinimumThroughput,
                SamplingDuration = settings.SamplingDuration,
                BreakDuration = settings.BreakDuration,
                StateProvider = StateProvider,
                ShouldHandle = static args => new ValueTask<bool>(args.Outcome.Exception is { } e && BreakingErrors.IsBreaking(e)),
                OnOpened = args =>
                {
                    MarkOpen(args.BreakDuration);
                    log.CircuitOpened(modelName, args.BreakDuration, Describe(args.Outcome.Exception));
                    return default;
                },
                OnHalfOpened = _ =>
                {
                    Volatile.Write(ref _openUntilTicks, Closed);
                    log.CircuitHalfOpened(modelName);
                    return default;
                },
                OnClosed = _ =>
                {
                    Volatile.Write(ref _openUntilTicks, Closed);
                    log.CircuitClosed(modelName);
                    return default;
                },
            })
            .Build();
    }

    public Guid ModelId { get; }

    public BreakerSettings Settings { get; }

    public ResiliencePipeline Pipeline { get; }

    /// <summary>Polly's view, for diagnostics (it locks; keep it off the request path).</summary>
    public CircuitBreakerStateProvider StateProvider { get; }

    /// <summary>The snapshot object (a <c>ModelPolicy</c> instance) this circuit was last used with.</summary>
    public object Owner => Volatile.Read(ref _owner);

    public void Adopt(object owner) => Volatile.Write(ref _owner, owner);

    /// <summary>
    /// True while the break lasts (or forever when isolated). Once the break duration is over the
    /// circuit reads as usable again, so a selection can send the half-open probe through.
    /// </summary>
    public bool IsOpen(long utcNowTicks)
    {
        var until = Volatile.Read(ref _openUntilTicks);
        return until != Closed && utcNowTicks < until;
    }

    /// <summary>The error class only: upstream messages can quote the prompt, and logs must not.</summary>
    private static string Describe(Exception? exception) => exception switch
    {
        UpstreamException upstream => upstream.ErrorClass.ToName(),
        null => "manual isolation",
        _ => exception.GetType().Name,
    };

    private void MarkOpen(TimeSpan breakDuration)
    {
        var now = _time.GetUtcNow().UtcTicks;
        var until = breakDuration >= TimeSpan.MaxValue - TimeSpan.FromTicks(now) ? Forever : now + breakDuration.Ticks;
        Volatile.Write(ref _openUntilTicks, until);
    }
}

using System.Diagnostics;
using Platform.DataPlane.Configuration;
using Platform.DataPlane.Health;
using Platform.DataPlane.Routing;
using Polly.CircuitBreaker;

namespace Platform.DataPlane.Forwarding;

/// <summary>
/// Runs one call over the route's candidates: per-attempt timeout, bounded retries (Polly, with
/// backoff and jitter, honouring Retry-After), the per-deployment circuit breaker, fallback to the
/// next candidate only for the classes the policy allows, an overall deadline, and hedging.
/// Generic over what an attempt produces: a whole answer, the opening of a stream, embeddings.
/// </summary>
internal sealed partial class FallbackExecutor(
    DeploymentHealth health,
    RetryPipelines retries,
    TimeProvider time,
    ILogger<FallbackExecutor> logger)
{
    private readonly DeploymentHealth _health = health;
    private readonly RetryPipelines _retries = retries;
    private readonly TimeProvider _time = time;
    private readonly ILogger _logger = logger;

    public delegate Task<T> Attempt<T>(ModelPolicy model, CancellationToken cancellationToken);

    public async Task<ExecutionOutcome<T>> ExecuteAsync<T>(RouteDecision decision, Attempt<T> attempt, CancellationToken requestAborted)
        where T : class
    {
        var rules = decision.Fallback;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        deadline.CancelAfter(rules.OverallDeadline);
        var run = new Run<T>(this, rules, attempt, deadline.Token);

        // The candidates from `next` on are still to try; the list is replaced (never changed) only
        // when a context-length failure narrows it.
        var candidates = decision.Candidates;
        var next = 0;
        var tried = 0;
        UpstreamException? last = null;
        while (next < candidates.Count && tried < rules.MaxCandidates)
        {
            var hedge = decision.HedgeAfter is { } after && candidates.Count - next > 1 && tried + 1 < rules.MaxCandidates ? after : (TimeSpan?)null;
            var (value, model, error, used) = hedge is { } delay
                ? await run.HedgedAsync(candidates[next], candidates[next + 1], delay)
                : await run.OnCandidateAsync(candidates[next], CancellationToken.None);
            tried += used;
            if (value is not null)
            {
                return run.Outcome(value, model, null);
            }

            last = error;
            var failed = candidates[next];
            next = Math.Min(next + used, candidates.Count);
            if (error is null || deadline.IsCancellationRequested || !FailurePolicy.MayFallBack(rules, error))
            {
                break;
            }

            if (error.ErrorClass == ErrorClass.ContextLength)
            {
                candidates = CandidateSelector.LargerContextCandidates([.. candidates.Skip(next)], failed);
                next = 0;
            }

            LogFallingBack(_logger, failed.Name, error.ErrorClass);
        }

        if (deadline.IsCancellationRequested && !requestAborted.IsCancellationRequested)
        {
            last = new UpstreamException(ErrorClass.Timeout, $"The call did not complete within the overall deadline of {rules.OverallDeadline.TotalSeconds:0.#} s.");
        }

        return run.Outcome(null, null, last ?? new UpstreamException(ErrorClass.ServerError, "No candidate could serve the call."));
    }

    /// <summary>The state of one call's execution: its attempts so far.</summary>
    private sealed class Run<T>(FallbackExecutor owner, FallbackRules rules, Attempt<T> attempt, CancellationToken deadline)
        where T : class
    {
        private readonly List<AttemptRecord> _attempts = [];
        private readonly Lock _gate = new();

        public ExecutionOutcome<T> Outcome(T? value, ModelPolicy? model, UpstreamException? error)
        {
            lock (_gate)
            {
                if (_attempts.Count <= 1)
                {
                    // The common call: one attempt (or none), so no fallback and no list to count them in.
                    return new ExecutionOutcome<T>
                    {
                        Value = value,
                        Model = model,
                        Error = value is null ? error : null,
                        Attempts = _attempts.Count == 0 ? [] : [_attempts[0]],
                        FallbackCount = 0,
                    };
                }

                // Fallbacks: distinct models tried before the one that answered (or all but the first).
                var order = new List<Guid>();
                foreach (var a in _attempts)
                {
                    if (!order.Contains(a.Model.Id))
                    {
                        order.Add(a.Model.Id);
                    }
                }

                return new ExecutionOutcome<T>
                {
                    Value = value,
                    Model = model,
                    Error = value is null ? error : null,
                    Attempts = [.. _attempts],
                    FallbackCount = model is null ? Math.Max(0, order.Count - 1) : Math.Max(0, order.IndexOf(model.Id)),
                };
            }
        }

        /// <summary>Tries one candidate with retries; returns how many candidates were used (1).</summary>
        public async Task<(T? Value, ModelPolicy? Model, UpstreamException? Error, int Used)> OnCandidateAsync(ModelPolicy model, CancellationToken extra = default)
        {
            // Only a hedged attempt has a token of its own; linking the deadline to nothing would cost
            // a token source per call (FallbackExecutorBenchmarks).
            using var linked = extra.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(deadline, extra) : null;
            try
            {
                // One pipeline, retries around the deployment's breaker, so an attempt passes through one
                // Polly execution and one async layer of ours. Its result is typed object, the type Polly's
                // retry and breaker work in: any other type adds two async conversion layers per strategy
                // (FallbackExecutorBenchmarks).
                var pipeline = owner._retries.For(rules, owner._health.Pipeline(model, rules));
                var value = (T)await pipeline.ExecuteAsync(
                    static (state, ct) => state.Run.AttemptAsync(state.Model, ct),
                    (Run: this, Model: model),
                    linked?.Token ?? deadline);
                return (value, model, null, 1);
            }
            catch (UpstreamException error)
            {
                return (null, null, error, 1);
            }
            catch (BrokenCircuitException)
            {
                // Not an attempt: the breaker refused to let the call go out (also between two retries).
                return (null, null, new UpstreamException(ErrorClass.ServerError, $"The circuit of {model.Name} is open.", circuitOpen: true), 1);
            }
            catch (OperationCanceledException) when (!deadline.IsCancellationRequested && extra.IsCancellationRequested)
            {
                return (null, null, null, 1);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                return (null, null, new UpstreamException(ErrorClass.Timeout, "The overall deadline passed."), 1);
            }
        }

        /// <summary>
        /// Starts the first candidate; if it has not answered within <paramref name="after"/>, starts
        /// the second too. The first success wins and the other is cancelled (its attempt recorded).
        /// </summary>
        public async Task<(T? Value, ModelPolicy? Model, UpstreamException? Error, int Used)> HedgedAsync(ModelPolicy primary, ModelPolicy secondary, TimeSpan after)
        {
            using var cancelPrimary = new CancellationTokenSource();
            using var cancelSecondary = new CancellationTokenSource();
            var first = OnCandidateAsync(primary, cancelPrimary.Token);
            var winner = await Task.WhenAny(first, Task.Delay(after, owner._time, deadline).ContinueWith(static _ => { }, TaskScheduler.Default));
            if (winner == first)
            {
                var result = await first;
                if (result.Value is not null || result.Error is null || !FailurePolicy.MayFallBack(rules, result.Error))
                {
                    return result;
                }
            }

            LogHedging(owner._logger, primary.Name, secondary.Name);
            var second = OnCandidateAsync(secondary, cancelSecondary.Token);
            var pending = new List<Task<(T?, ModelPolicy?, UpstreamException?, int)>> { second };
            if (!first.IsCompleted)
            {
                pending.Add(first);
            }

            (T? Value, ModelPolicy? Model, UpstreamException? Error, int Used) lastResult = first.IsCompleted ? await first : default;
            while (pending.Count > 0)
            {
                var done = await Task.WhenAny(pending);
                pending.Remove(done);
                var result = await done;
                if (result.Item1 is not null)
                {
                    await (done == first ? cancelSecondary : cancelPrimary).CancelAsync();
                    await ((Task)(done == first ? second : first)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    MarkLoserCancelled(done == first ? secondary : primary);
                    foreach (var loser in pending)
                    {
                        _ = ReleaseLateWinnerAsync(loser);
                    }

                    return (result.Item1, result.Item2, null, 2);
                }

                lastResult = (result.Item1, result.Item2, result.Item3 ?? lastResult.Error, 2);
            }

            return (null, null, lastResult.Error, 2);
        }

        /// <summary>A loser that succeeded before it saw the cancellation holds an open stream: close it.</summary>
        private static async Task ReleaseLateWinnerAsync(Task<(T? Value, ModelPolicy? Model, UpstreamException? Error, int Used)> loser)
        {
            var (value, _, _, _) = await loser;
            if (value is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }

        private void MarkLoserCancelled(ModelPolicy loser)
        {
            lock (_gate)
            {
                for (var i = _attempts.Count - 1; i >= 0; i--)
                {
                    if (ReferenceEquals(_attempts[i].Model, loser))
                    {
                        _attempts[i] = _attempts[i] with { Cancelled = true };
                        return;
                    }
                }
            }
        }

        /// <summary>
        /// One attempt inside the breaker, under the per-attempt timeout; recorded whatever its end. A
        /// timeout becomes an <see cref="UpstreamException"/> here, so the breaker counts it.
        /// </summary>
        private async ValueTask<object> AttemptAsync(ModelPolicy model, CancellationToken ct)
        {
            var started = Stopwatch.GetTimestamp();
            using var perAttempt = CancellationTokenSource.CreateLinkedTokenSource(ct);
            perAttempt.CancelAfter(rules.PerAttemptTimeout);
            try
            {
                var value = await attempt(model, perAttempt.Token);
                Record(model, null, null, started, cancelled: false);
                return value;
            }
            catch (OperationCanceledException) when (perAttempt.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                Record(model, ErrorClass.Timeout, null, started, cancelled: false);
                throw new UpstreamException(ErrorClass.Timeout,
                    $"{model.Name} did not answer within {rules.PerAttemptTimeout.TotalMilliseconds:0} ms.");
            }
            catch (UpstreamException error)
            {
                Record(model, error.ErrorClass, error.Status, started, cancelled: false);
                throw;
            }
            catch (OperationCanceledException)
            {
                Record(model, ErrorClass.Timeout, null, started, cancelled: true);
                throw;
            }
        }

        private void Record(ModelPolicy model, ErrorClass? error, int? status, long started, bool cancelled)
        {
            var latency = Stopwatch.GetElapsedTime(started);
            if (error is null)
            {
                owner._health.RecordLatency(model, latency);
            }
            else if (!cancelled)
            {
                owner._health.RecordError(model);
            }

            lock (_gate)
            {
                _attempts.Add(new AttemptRecord(_attempts.Count, model, error, status, latency, cancelled));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Falling back from {Model} after {ErrorClass}.")]
    private static partial void LogFallingBack(ILogger logger, string model, ErrorClass errorClass);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Hedging {Primary} with {Secondary}.")]
    private static partial void LogHedging(ILogger logger, string primary, string secondary);
}

using Platform.Simulator.Chat;
using Platform.Simulator.Scripting;
using Platform.Simulator.Streaming;

namespace Platform.Simulator.Faults;

/// <summary>
/// Shared front half of every simulated call: resolve the script, count the call, wait the latency, then
/// answer the faults that replace the body (errors, hang, reset). Faults that damage a body are left to the caller.
/// </summary>
internal sealed class RequestGate(ScriptResolver resolver, SimulatorStats stats, IHostApplicationLifetime lifetime, TimeProvider time)
{
    public async Task<GateResult?> PassAsync(HttpContext context, IErrorDialect dialect, string model, int promptTokens, bool contentFilterIsError)
    {
        if (!resolver.TryResolve(context.Request.Headers, model, out var script, out var headerError))
        {
            await RejectAsync(context, dialect, model, headerError!);
            return null;
        }

        var fault = script.Fault;
        if (fault == SimulatorFault.None && script.ContextWindow is { } window && promptTokens > window)
        {
            fault = SimulatorFault.ContextLength;
        }

        stats.Record(model, fault == SimulatorFault.None ? SimulatorStats.Ok : fault.ToWireName());
        await Delays.WaitAsync(script.LatencyMs, time, context.RequestAborted);

        switch (fault)
        {
            case SimulatorFault.None or SimulatorFault.Malformed or SimulatorFault.StreamBreak:
            case SimulatorFault.ContentFilter when !contentFilterIsError:
                return new GateResult(script, fault);
            case SimulatorFault.Hang:
                await HangAsync(context);
                return null;
            case SimulatorFault.Reset:
                context.Abort();
                return null;
            default:
                await ErrorResponder.WriteAsync(
                    context, dialect, SimulatedError.ForFault(fault, promptTokens, script.ContextWindow), script.RetryAfterSeconds);
                return null;
        }
    }

    public Task RejectAsync(HttpContext context, IErrorDialect dialect, string? model, string message)
    {
        stats.Record(model ?? SimulatorStats.NoModel, SimulatorStats.BadRequest);
        return ErrorResponder.WriteAsync(context, dialect, new SimulatedError(ErrorKind.BadRequest, message));
    }

    private async Task HangAsync(HttpContext context)
    {
        // Also released by shutdown, so a hung call never holds the server open past its disposal.
        using var released = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, time, released.Token);
        }
        catch (OperationCanceledException)
        {
        }

        context.Abort();
    }
}

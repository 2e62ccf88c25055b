using Platform.Simulator.Scripting;

namespace Platform.Simulator.Streaming;

/// <summary>Puts a prepared body on the wire, whole or damaged as the fault says.</summary>
internal static class ResponsePlayer
{
    // Abort() drops output Kestrel has not yet put on the socket; without this pause the client of a
    // stream-break would often see no bytes at all, and "the first bytes arrived" is the point of the fault.
    private static readonly TimeSpan DrainBeforeAbort = TimeSpan.FromMilliseconds(30);

    public static async Task PlayBufferedAsync(HttpContext context, ReadOnlyMemory<byte> body, int status, SimulatorFault fault)
    {
        var response = context.Response;
        var cancellationToken = context.RequestAborted;
        response.StatusCode = status;
        response.ContentType = "application/json";
        switch (fault)
        {
            case SimulatorFault.Malformed:
                // No Content-Length: the response ends cleanly, only the JSON is cut.
                await response.BodyWriter.WriteAsync(body[..(body.Length / 2)], cancellationToken);
                break;
            case SimulatorFault.StreamBreak:
                response.ContentLength = body.Length;
                await response.BodyWriter.WriteAsync(body[..(body.Length / 2)], cancellationToken);
                await BreakAsync(context, TimeProvider.System);
                break;
            default:
                response.ContentLength = body.Length;
                await response.BodyWriter.WriteAsync(body, cancellationToken);
                break;
        }
    }

    public static async Task PlayStreamAsync(
        HttpContext context,
        FrameBuffer frames,
        string contentType,
        EffectiveScript script,
        SimulatorFault fault,
        ReadOnlyMemory<byte> malformedFrame,
        TimeProvider time)
    {
        var response = context.Response;
        var cancellationToken = context.RequestAborted;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.Headers.CacheControl = "no-cache";

        var damaged = fault is SimulatorFault.StreamBreak or SimulatorFault.Malformed;
        var count = damaged ? Math.Max(1, frames.Count / 2) : frames.Count;
        if (script.TtftMs > 0)
        {
            // Headers go out now (StartAsync alone leaves them in Kestrel's buffer); the first chunk waits.
            await response.BodyWriter.FlushAsync(cancellationToken);
            await Delays.WaitAsync(script.TtftMs, time, cancellationToken);
        }

        if (script.ChunkGapMs <= 0)
        {
            await response.BodyWriter.WriteAsync(frames.Prefix(count), cancellationToken);
        }
        else
        {
            for (var index = 0; index < count; index++)
            {
                if (index > 0)
                {
                    await Delays.WaitAsync(script.ChunkGapMs, time, cancellationToken);
                }

                await response.BodyWriter.WriteAsync(frames.Frame(index), cancellationToken);
            }
        }

        if (fault == SimulatorFault.StreamBreak)
        {
            await BreakAsync(context, time);
        }
        else if (fault == SimulatorFault.Malformed)
        {
            await response.BodyWriter.WriteAsync(malformedFrame, cancellationToken);
        }
    }

    private static async Task BreakAsync(HttpContext context, TimeProvider time)
    {
        await Task.Delay(DrainBeforeAbort, time, context.RequestAborted);
        context.Abort();
    }
}

using Platform.DataPlane.Caching;
using Platform.DataPlane.Chat;
using Platform.DataPlane.Forwarding;
using Platform.DataPlane.Health;
using Platform.DataPlane.Recording;
using Platform.DataPlane.Routing;

namespace Platform.DataPlane.Endpoints;

/// <summary>
/// Relays an opened upstream stream to the caller event by event, in the caller's format, never
/// buffering it whole. A break after the first byte cannot fall back any more: it ends with a
/// proper error event and is recorded as <c>stream_broken</c>.
/// </summary>
internal sealed partial class StreamRelay(DeploymentHealth health, UsageRecorder recorder, ResponseCache cache, ILogger<StreamRelay> logger)
{
    public async Task RelayAsync(HttpContext context, CallContext call, ChatRequest request, RouteDecision decision, OpenedStream stream, ExecutionOutcome<OpenedStream> outcome)
    {
        ResponseHeaders.Write(context.Response, call, stream.Model, outcome.Attempts.Count, outcome.FallbackCount, degraded: false);
        StartEventStream(context.Response);
        using var writer = new ClientStreamWriter(context, call.Dialect, request.IncludeUsage, new DateTimeOffset(call.StartedAt).ToUnixTimeSeconds());
        var aborted = context.RequestAborted;
        var usage = default(Chat.Usage);
        var outputChars = 0;
        var assembler = call.CacheSlot is null ? null : new StreamAssembler();
        int? ttft = null;
        ErrorClass? failure = null;
        var status = StatusCodes.Status200OK;
        try
        {
            while (await stream.Events.MoveNextAsync())
            {
                var current = stream.Events.Current;
                switch (current)
                {
                    case StreamUsage reported:
                        usage = reported.Usage;
                        break;
                    case TextDelta text:
                        outputChars += text.Text.Length;
                        break;
                    case ToolArgumentsDelta arguments:
                        outputChars += arguments.Fragment.Length;
                        break;
                }

                assembler?.Add(current);
                await writer.WriteAsync(current, aborted);
                if (ttft is null && current is TextDelta or ToolCallStart)
                {
                    ttft = (int)call.Elapsed.TotalMilliseconds;
                }
            }

            if (usage == default && request.IncludeUsage)
            {
                // The caller asked for a usage chunk and the provider gave none: send our estimate.
                await writer.WriteAsync(new StreamUsage(ChatHandler.Measured(usage, call, outputChars)), aborted);
            }

            await writer.CompleteAsync(aborted);
            if (assembler?.Build(ChatHandler.Measured(usage, call, outputChars)) is { } answer)
            {
                cache.Store(call, answer, stream.Model);
            }
        }
        catch (UpstreamException error)
        {
            failure = error.ErrorClass;
            status = StatusCodes.Status502BadGateway;
            await health.RecordFailureAsync(stream.Model, decision.Fallback, error.ErrorClass, CancellationToken.None);
            LogStreamBroken(logger, stream.Model.Name, error.ErrorClass);
            await writer.TryWriteErrorAsync(error.ErrorClass, $"The upstream stream from {stream.Model.Name} broke: {error.Message}");
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The caller went away; what was produced so far is still recorded (and billed upstream).
            status = StatusCodes.Status499ClientClosedRequest;
        }
        catch (OperationCanceledException)
        {
            failure = ErrorClass.Timeout;
            status = StatusCodes.Status504GatewayTimeout;
            await writer.TryWriteErrorAsync(ErrorClass.Timeout, "The stream did not finish within the overall deadline.");
        }

        recorder.Record(call, new CallResult(status, stream.Model, outcome.Attempts, outcome.FallbackCount,
            ChatHandler.Measured(usage, call, outputChars), failure, ttft));
    }

    /// <summary>The policy's fixed answer, streamed like any other, and marked degraded.</summary>
    public async Task RelayDegradedAsync(HttpContext context, CallContext call, ChatRequest request, string text, ExecutionOutcome<OpenedStream> outcome)
    {
        ResponseHeaders.Write(context.Response, call, null, outcome.Attempts.Count, outcome.FallbackCount, degraded: true);
        StartEventStream(context.Response);
        using (var writer = new ClientStreamWriter(context, call.Dialect, request.IncludeUsage, new DateTimeOffset(call.StartedAt).ToUnixTimeSeconds()))
        {
            var aborted = context.RequestAborted;
            await writer.WriteAsync(new StreamStart("degraded-" + call.RequestId, "degraded"), aborted);
            await writer.WriteAsync(new TextDelta(text), aborted);
            await writer.WriteAsync(new StreamFinish(FinishReason.Stop), aborted);
            await writer.CompleteAsync(aborted);
        }

        recorder.Record(call, new CallResult(StatusCodes.Status200OK, null, outcome.Attempts, outcome.FallbackCount, default, null, Degraded: true));
    }

    /// <summary>A cached answer streamed like a live one, without an upstream; degraded when every candidate failed first.</summary>
    public async Task ReplayAsync(HttpContext context, CallContext call, ChatRequest request, CachedAnswer answer, IReadOnlyList<AttemptRecord> attempts, int fallbacks, bool degraded)
    {
        ResponseHeaders.Write(context.Response, call, answer.Model, attempts.Count, fallbacks, degraded);
        StartEventStream(context.Response);
        var aborted = context.RequestAborted;
        var status = StatusCodes.Status200OK;
        using (var writer = new ClientStreamWriter(context, call.Dialect, request.IncludeUsage, new DateTimeOffset(call.StartedAt).ToUnixTimeSeconds()))
        {
            try
            {
                foreach (var streamEvent in answer.AsStreamEvents())
                {
                    await writer.WriteAsync(streamEvent, aborted);
                }

                await writer.CompleteAsync(aborted);
            }
            catch (OperationCanceledException) when (aborted.IsCancellationRequested)
            {
                status = StatusCodes.Status499ClientClosedRequest;
            }
        }

        recorder.Record(call, new CallResult(status, answer.Model, attempts, fallbacks, default, null, Degraded: degraded));
    }

    private static void StartEventStream(HttpResponse response)
    {
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        // Reverse proxies (nginx) must not buffer the stream.
        response.Headers["X-Accel-Buffering"] = "no";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream from {Model} broke after the first byte ({ErrorClass}).")]
    private static partial void LogStreamBroken(ILogger logger, string model, ErrorClass errorClass);
}

using System.Text.Json;
using Platform.Simulator.Faults;
using Platform.Simulator.Streaming;

namespace Platform.Simulator.Chat;

/// <summary>Parse, gate, plan, write: one chat call in any dialect.</summary>
internal sealed class ChatPipeline(RequestGate gate, ReplyPlanner planner, TimeProvider time)
{
    public async Task RunAsync(HttpContext context, IChatDialect dialect, ChatRoute route)
    {
        try
        {
            JsonDocument document;
            try
            {
                document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
            }
            catch (JsonException exception)
            {
                await gate.RejectAsync(context, dialect, route.Model, $"The request body is not valid JSON: {exception.Message}");
                return;
            }

            using (document)
            {
                ChatRequest request;
                try
                {
                    request = dialect.Parse(document.RootElement, route);
                }
                catch (Exception exception) when (exception is RequestParseException or InvalidOperationException or FormatException)
                {
                    await gate.RejectAsync(context, dialect, route.Model, exception.Message);
                    return;
                }

                await AnswerAsync(context, dialect, request);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up; there is nobody left to answer.
        }
    }

    private async Task AnswerAsync(HttpContext context, IChatDialect dialect, ChatRequest request)
    {
        if (await gate.PassAsync(context, dialect, request.Model, request.PromptTokens, dialect.ContentFilterIsError) is not { } passed)
        {
            return;
        }

        var reply = passed.BodyFault == SimulatorFault.ContentFilter
            ? planner.Refusal(request, dialect)
            : planner.Plan(request, passed.Script, dialect);

        using var frames = new FrameBuffer();
        if (request.Stream)
        {
            dialect.WriteStream(frames, request, reply);
            await ResponsePlayer.PlayStreamAsync(
                context, frames, dialect.StreamContentType(request), passed.Script, passed.BodyFault,
                dialect.MalformedStreamFrame(request), time);
            return;
        }

        dialect.WriteResponse(frames.BeginJson([]), request, reply);
        frames.EndJson([]);
        await Delays.WaitAsync(passed.Script.TtftMs, time, context.RequestAborted);
        await ResponsePlayer.PlayBufferedAsync(context, frames.Written, StatusCodes.Status200OK, passed.BodyFault);
    }
}

using Platform.Simulator.Chat;
using Platform.Simulator.Faults;

namespace Platform.Simulator.Gemini;

/// <summary>
/// <c>POST /v1beta/models/{model}:{method}</c>. Route templates cannot split a segment on ':', so the route
/// is a catch-all and the method is cut off here.
/// </summary>
internal sealed class GeminiEndpoint(ChatPipeline pipeline)
{
    public Task HandleAsync(HttpContext context)
    {
        var rest = context.Request.RouteValues["rest"] as string ?? "";
        var colon = rest.LastIndexOf(':');
        var model = colon > 0 ? rest[..colon] : rest;
        var method = colon > 0 ? rest[(colon + 1)..] : "";
        return method switch
        {
            "generateContent" => pipeline.RunAsync(context, GeminiDialect.Instance, new ChatRoute(model, Stream: false, Sse: false)),
            "streamGenerateContent" => pipeline.RunAsync(
                context, GeminiDialect.Instance, new ChatRoute(model, Stream: true, Sse: context.Request.Query["alt"] == "sse")),
            _ => ErrorResponder.WriteAsync(
                context, GeminiDialect.Instance, new SimulatedError(ErrorKind.NotFound, $"Method '{method}' is not supported for models/{model}.")),
        };
    }
}

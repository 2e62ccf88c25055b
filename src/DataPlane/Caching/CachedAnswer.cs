using Platform.DataPlane.Chat;
using Platform.DataPlane.Configuration;

namespace Platform.DataPlane.Caching;

/// <summary>
/// A complete answer as stored: the neutral response (replayed as JSON or as a stream, in either
/// dialect) and the model that produced it, for the headers and the usage record of every hit.
/// </summary>
internal sealed record CachedAnswer(ChatResponse Response, ModelPolicy Model)
{
    /// <summary>Per entry: the record, the response and its strings' headers, roughly.</summary>
    private const int Overhead = 256;

    /// <summary>Approximate bytes held, for the cache's size limit (UTF-16 strings, two bytes a char).</summary>
    public long Size
    {
        get
        {
            long chars = Response.Id.Length + Response.Model.Length + Response.Text.Length;
            foreach (var call in Response.ToolCalls)
            {
                chars += call.Id.Length + call.Name.Length + call.ArgumentsJson.Length + 32;
            }

            return Overhead + (2 * chars);
        }
    }

    /// <summary>The answer as the events a live stream would have carried, in order.</summary>
    public IEnumerable<StreamEvent> AsStreamEvents()
    {
        yield return new StreamStart(Response.Id, Response.Model);
        if (Response.Text.Length > 0)
        {
            yield return new TextDelta(Response.Text);
        }

        for (var i = 0; i < Response.ToolCalls.Count; i++)
        {
            var call = Response.ToolCalls[i];
            yield return new ToolCallStart(i, call.Id, call.Name);
            yield return new ToolArgumentsDelta(i, call.ArgumentsJson);
        }

        yield return new StreamFinish(Response.FinishReason);
        yield return new StreamUsage(Response.Usage);
    }
}

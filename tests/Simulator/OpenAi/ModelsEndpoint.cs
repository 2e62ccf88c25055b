using Platform.Simulator.Streaming;

namespace Platform.Simulator.OpenAi;

/// <summary>
/// <c>GET /v1/models</c>: the configured models plus every scripted one. Anthropic serves its own list on the
/// same path, so a request carrying <c>anthropic-version</c> gets Anthropic's shape.
/// </summary>
internal sealed class ModelsEndpoint(SimulatorOptions options, ScriptRegistry registry, TimeProvider time)
{
    public async Task HandleAsync(HttpContext context)
    {
        var models = new SortedSet<string>(options.Models, StringComparer.Ordinal);
        foreach (var model in registry.Snapshot().Keys)
        {
            if (model != ScriptRegistry.AnyModel)
            {
                models.Add(model);
            }
        }

        var created = time.GetUtcNow();
        using var frames = new FrameBuffer();
        var writer = frames.BeginJson([]);
        var anthropic = context.Request.Headers.ContainsKey("anthropic-version");
        writer.WriteStartObject();
        if (!anthropic)
        {
            writer.WriteString("object"u8, "list"u8);
        }

        writer.WriteStartArray("data"u8);
        foreach (var model in models)
        {
            writer.WriteStartObject();
            if (anthropic)
            {
                writer.WriteString("type"u8, "model"u8);
                writer.WriteString("id"u8, model);
                writer.WriteString("display_name"u8, model);
                writer.WriteString("created_at"u8, created);
            }
            else
            {
                writer.WriteString("id"u8, model);
                writer.WriteString("object"u8, "model"u8);
                writer.WriteNumber("created"u8, created.ToUnixTimeSeconds());
                writer.WriteString("owned_by"u8, "simulator"u8);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (anthropic)
        {
            writer.WriteBoolean("has_more"u8, false);
            writer.WriteString("first_id"u8, models.Min);
            writer.WriteString("last_id"u8, models.Max);
        }

        writer.WriteEndObject();
        frames.EndJson([]);
        await ResponsePlayer.PlayBufferedAsync(context, frames.Written, StatusCodes.Status200OK, SimulatorFault.None);
    }
}

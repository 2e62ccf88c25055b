using Platform.Simulator.Anthropic;
using Platform.Simulator.Chat;
using Platform.Simulator.Control;
using Platform.Simulator.Gemini;
using Platform.Simulator.OpenAi;

namespace Platform.Simulator;

public static class SimulatorEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the provider endpoints and the <c>/_sim</c> control API. The provider endpoints are plain request
    /// delegates writing with <c>Utf8JsonWriter</c>: they stand in front of benchmarks and play faults that
    /// typed results cannot (aborts, cut bodies).
    /// </summary>
    public static IEndpointRouteBuilder MapSimulator(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        var pipeline = services.GetRequiredService<ChatPipeline>();
        var embeddings = services.GetRequiredService<EmbeddingsEndpoint>();
        var models = services.GetRequiredService<ModelsEndpoint>();
        var gemini = services.GetRequiredService<GeminiEndpoint>();
        _ = services.GetRequiredService<ScriptRegistry>();

        endpoints.MapPost("/v1/chat/completions", context => pipeline.RunAsync(context, OpenAiDialect.Instance, default));
        endpoints.MapPost("/v1/embeddings", embeddings.HandleAsync);
        endpoints.MapGet("/v1/models", models.HandleAsync);
        endpoints.MapPost("/v1/messages", context => pipeline.RunAsync(context, AnthropicDialect.Instance, default));
        endpoints.MapPost("/v1beta/models/{*rest}", gemini.HandleAsync);
        endpoints.MapControlApi();
        return endpoints;
    }
}

using Platform.DataPlane.Auth;

namespace Platform.DataPlane.Endpoints;

internal static class DataPlaneEndpoints
{
    /// <summary>The OpenAI- and Anthropic-compatible surface. Handlers write raw bytes (no MVC, no reflection JSON).</summary>
    public static IEndpointRouteBuilder MapDataPlaneApi(this IEndpointRouteBuilder endpoints)
    {
        var v1 = endpoints.MapGroup("/v1");
        v1.MapPost("/chat/completions", static (HttpContext context, ChatHandler handler) => handler.HandleAsync(context, Dialect.OpenAi));
        v1.MapPost("/messages", static (HttpContext context, ChatHandler handler) => handler.HandleAsync(context, Dialect.Anthropic));
        v1.MapPost("/embeddings", static (HttpContext context, EmbeddingsHandler handler) => handler.HandleAsync(context));
        v1.MapGet("/models", static (HttpContext context, ModelsHandler handler) => handler.HandleAsync(context));
        return endpoints;
    }

    public static IServiceCollection AddDataPlaneEndpoints(this IServiceCollection services)
    {
        services.AddSingleton<CallAdmission>();
        services.AddSingleton<KeyUsageTracker>();
        services.AddHostedService(sp => sp.GetRequiredService<KeyUsageTracker>());
        services.AddSingleton<ChatHandler>();
        services.AddSingleton<EmbeddingsHandler>();
        services.AddSingleton<ModelsHandler>();
        services.AddSingleton<StreamRelay>();
        return services;
    }
}

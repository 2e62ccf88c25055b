using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Platform.Simulator.Control;

/// <summary>The <c>/_sim</c> control API: per-model scripts and call statistics.</summary>
internal static class ControlEndpoints
{
    public static void MapControlApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/_sim").WithTags("Simulator control");
        group.MapGet("/models", GetScripts);
        group.MapPut("/models/{*model}", PutScriptAsync);
        group.MapDelete("/models", ClearScripts);
        group.MapDelete("/models/{*model}", DeleteScript);
        group.MapGet("/stats", GetStats);
        group.MapDelete("/stats", ResetStats);
    }

    private static Ok<IReadOnlyDictionary<string, ModelScript>> GetScripts(ScriptRegistry registry) =>
        TypedResults.Ok(registry.Snapshot());

    private static async Task<Results<NoContent, BadRequest<ControlError>>> PutScriptAsync(
        string? model, HttpRequest request, ScriptRegistry registry, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(model))
        {
            return TypedResults.BadRequest(new ControlError("The URL names no model."));
        }

        ModelScript? script;
        try
        {
            script = await JsonSerializer.DeserializeAsync(request.Body, SimulatorJsonContext.Default.ModelScript, cancellationToken);
        }
        catch (JsonException exception)
        {
            return TypedResults.BadRequest(new ControlError(exception.Message));
        }

        if (script is null)
        {
            return TypedResults.BadRequest(new ControlError("The body must be a script object."));
        }

        registry.Set(model, script);
        return TypedResults.NoContent();
    }

    private static Results<NoContent, NotFound> DeleteScript(string? model, ScriptRegistry registry) =>
        model is not null && registry.Remove(model) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static NoContent ClearScripts(ScriptRegistry registry)
    {
        registry.Clear();
        return TypedResults.NoContent();
    }

    private static Ok<StatsResponse> GetStats(SimulatorStats stats) => TypedResults.Ok(new StatsResponse(stats.Snapshot()));

    private static NoContent ResetStats(SimulatorStats stats)
    {
        stats.Reset();
        return TypedResults.NoContent();
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ControlPlane.Access;
using Platform.ControlPlane.Features.Models;
using Platform.Shared.Domain;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Api;

/// <summary>
/// <c>/api/v1/models</c>: the HTTP face of <see cref="IModelOperations"/>. A price change appends a
/// price-history row (<c>GET /{id}/prices</c> lists it); roles, validation, the route checks,
/// tenant scoping and audit are the operation's, shared with the dashboard.
/// </summary>
internal static class ModelEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var models = api.MapGroup("/models").WithTags("Models");
        models.MapGet("", ListAsync);
        models.MapGet("/{id:guid}", GetAsync);
        models.MapGet("/{id:guid}/prices", PricesAsync);
        models.MapPost("", CreateAsync);
        models.MapPut("/{id:guid}", UpdateAsync);
        models.MapDelete("/{id:guid}", DeleteAsync);
    }

    /// <summary>The catalog view of a model, for the other features that show models (a route's chain).</summary>
    public static ModelView View(CatalogModel model) => ModelOperations.View(model);

    /// <param name="provider">Provider name.</param>
    /// <param name="capability">streaming, tools, jsonSchema, vision or embeddings.</param>
    /// <param name="name">Part of the name.</param>
    private static async Task<Results<Ok<Page<ModelView>>, ProblemHttpResult>> ListAsync(
        IModelOperations models, string? provider, string? capability, bool? enabled, string? region, string? name,
        int? page, int? pageSize, CancellationToken ct) =>
        OutcomeResults.Ok(await models.ListAsync(new ModelQuery(provider, capability, enabled, region, name, page, pageSize), ct));

    private static async Task<Results<Ok<ModelView>, ProblemHttpResult>> GetAsync(
        Guid id, IModelOperations models, HttpResponse response, CancellationToken ct) =>
        OutcomeResults.Ok(await models.GetAsync(id, ct), response);

    /// <summary>Newest first: the first row is the price in force now.</summary>
    private static async Task<Results<Ok<Page<ModelPriceView>>, ProblemHttpResult>> PricesAsync(
        Guid id, IModelOperations models, int? page, int? pageSize, CancellationToken ct) =>
        OutcomeResults.Ok(await models.PricesAsync(id, page, pageSize, ct));

    private static async Task<Results<Created<ModelView>, ProblemHttpResult>> CreateAsync(
        ModelInput input, IModelOperations models, HttpResponse response, CancellationToken ct) =>
        OutcomeResults.Created(await models.CreateAsync(input, ct), response, created => $"/api/v1/models/{created.Id}");

    private static async Task<Results<Ok<ModelView>, ProblemHttpResult>> UpdateAsync(
        Guid id, ModelInput input, IModelOperations models, HttpRequest request, HttpResponse response, CancellationToken ct) =>
        OutcomeResults.Ok(await models.UpdateAsync(id, input, ETags.IfMatch(request), ct), response);

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, IModelOperations models, HttpRequest request, CancellationToken ct) =>
        await models.DeleteAsync(id, ETags.IfMatch(request), ct) is { Succeeded: false } refused
            ? Problems.Of(refused.Failure)
            : TypedResults.NoContent();
}

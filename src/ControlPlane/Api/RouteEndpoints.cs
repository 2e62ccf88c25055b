using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ControlPlane.Access;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Api;

/// <summary>
/// <c>/api/v1/routes</c>: the HTTP face of <see cref="IRouteOperations"/>. Roles, validation, the
/// whole-route checks, tenant scoping and audit are the operation's, shared with the dashboard.
/// </summary>
internal static class RouteEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var routes = api.MapGroup("/routes").WithTags("Routes");
        routes.MapGet("", ListAsync);
        routes.MapGet("/{id:guid}", GetAsync);
        routes.MapPost("", CreateAsync);
        routes.MapPut("/{id:guid}", UpdateAsync);
        routes.MapDelete("/{id:guid}", DeleteAsync);
    }

    /// <param name="tier">Routes on this tier.</param>
    /// <param name="model">Routes listing this model as a candidate or through their tier.</param>
    /// <param name="fallbackPolicy">Routes using this fallback policy.</param>
    /// <param name="name">Part of the name.</param>
    private static async Task<Results<Ok<Page<RouteView>>, ProblemHttpResult>> ListAsync(
        IRouteOperations routes, string? tier, string? model, string? fallbackPolicy, string? name, int? page, int? pageSize, CancellationToken ct) =>
        OutcomeResults.Ok(await routes.ListAsync(new RouteQuery(tier, model, fallbackPolicy, name, page, pageSize), ct));

    private static async Task<Results<Ok<RouteView>, ProblemHttpResult>> GetAsync(
        Guid id, IRouteOperations routes, HttpResponse response, CancellationToken ct) =>
        OutcomeResults.Ok(await routes.GetAsync(id, ct), response);

    private static async Task<Results<Created<RouteView>, ProblemHttpResult>> CreateAsync(
        RouteInput input, IRouteOperations routes, HttpResponse response, CancellationToken ct) =>
        OutcomeResults.Created(await routes.CreateAsync(input, ct), response, created => $"/api/v1/routes/{created.Id}");

    private static async Task<Results<Ok<RouteView>, ProblemHttpResult>> UpdateAsync(
        Guid id, RouteInput input, IRouteOperations routes, HttpRequest request, HttpResponse response, CancellationToken ct) =>
        OutcomeResults.Ok(await routes.UpdateAsync(id, input, ETags.IfMatch(request), ct), response);

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, IRouteOperations routes, HttpRequest request, CancellationToken ct) =>
        await routes.DeleteAsync(id, ETags.IfMatch(request), ct) is { Succeeded: false } refused
            ? Problems.Of(refused.Failure)
            : TypedResults.NoContent();
}

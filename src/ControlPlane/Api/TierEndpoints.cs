using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ControlPlane.Access;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Api;

/// <summary>
/// <c>/api/v1/tiers</c>: the HTTP face of <see cref="ITierOperations"/>. Roles, validation, the
/// catalog and route checks, tenant scoping and audit are the operation's, shared with the dashboard.
/// </summary>
internal static class TierEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var tiers = api.MapGroup("/tiers").WithTags("Tiers");
        tiers.MapGet("", ListAsync);
        tiers.MapGet("/{id:guid}", GetAsync);
        tiers.MapPost("", CreateAsync);
        tiers.MapPut("/{id:guid}", UpdateAsync);
        tiers.MapDelete("/{id:guid}", DeleteAsync);
    }

    /// <param name="model">Only tiers listing this model (concrete name).</param>
    /// <param name="name">Part of the name.</param>
    private static async Task<Results<Ok<Page<TierView>>, ProblemHttpResult>> ListAsync(
        ITierOperations tiers, string? model, string? name, int? page, int? pageSize, CancellationToken ct) =>
        OutcomeResults.Ok(await tiers.ListAsync(model, name, page, pageSize, ct));

    private static async Task<Results<Ok<TierView>, ProblemHttpResult>> GetAsync(
        Guid id, ITierOperations tiers, HttpResponse response, CancellationToken ct) =>
        OutcomeResults.Ok(await tiers.GetAsync(id, ct), response);

    private static async Task<Results<Created<TierView>, ProblemHttpResult>> CreateAsync(
        TierInput input, ITierOperations tiers, HttpResponse response, CancellationToken ct) =>
        OutcomeResults.Created(await tiers.CreateAsync(input, ct), response, created => $"/api/v1/tiers/{created.Id}");

    private static async Task<Results<Ok<TierView>, ProblemHttpResult>> UpdateAsync(
        Guid id, TierInput input, ITierOperations tiers, HttpRequest request, HttpResponse response, CancellationToken ct) =>
        OutcomeResults.Ok(await tiers.UpdateAsync(id, input, ETags.IfMatch(request), ct), response);

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ITierOperations tiers, HttpRequest request, CancellationToken ct) =>
        await tiers.DeleteAsync(id, ETags.IfMatch(request), ct) is { Succeeded: false } refused
            ? Problems.Of(refused.Failure)
            : TypedResults.NoContent();
}

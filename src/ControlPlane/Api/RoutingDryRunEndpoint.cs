using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Api;

/// <summary>
/// <c>POST /api/v1/routing/dry-run</c>: which candidates a sample request would get and why,
/// without calling anything (<see cref="IRouteOperations.DryRunAsync"/>). Read-only, so every role may ask.
/// </summary>
internal static class RoutingDryRunEndpoint
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/routing/dry-run", RunAsync).WithTags("Routing");

    private static async Task<Results<Ok<DryRunResult>, ProblemHttpResult>> RunAsync(DryRunInput input, IRouteOperations routes, CancellationToken ct) =>
        OutcomeResults.Ok(await routes.DryRunAsync(input, ct));
}

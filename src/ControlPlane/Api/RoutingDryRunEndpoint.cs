using Platform.ControlPlane.Access;
using Platform.Shared.Data;
using Platform.Shared.Management;

namespace Platform.ControlPlane.Api;

/// <summary>
/// <c>POST /api/v1/routing/dry-run</c>: which candidates a sample request would get and why,
/// without calling anything. Read-only, so every role may ask.
/// </summary>
internal static class RoutingDryRunEndpoint
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/routing/dry-run", RunAsync).WithTags("Routing").Validates<DryRunInput>().Requires(Permission.Read);

    private static async Task<IResult> RunAsync(DryRunInput input, PlatformDbContext db, CancellationToken ct)
    {
        var (result, notFound) = await RouteDryRun.RunAsync(db, input, ct);
        return result is not null
            ? TypedResults.Ok(result)
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: notFound);
    }
}

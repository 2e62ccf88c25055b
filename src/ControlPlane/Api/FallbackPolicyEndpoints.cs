using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ControlPlane.Access;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Api;

/// <summary>
/// <c>/api/v1/fallback-policies</c>: the HTTP face of <see cref="IFallbackPolicyOperations"/>. Roles,
/// validation, the "still used by routes" refusal, tenant scoping and audit are the operation's,
/// shared with the dashboard.
/// </summary>
internal static class FallbackPolicyEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var policies = api.MapGroup("/fallback-policies").WithTags("Fallback policies");
        policies.MapGet("", ListAsync);
        policies.MapGet("/{id:guid}", GetAsync);
        policies.MapPost("", CreateAsync);
        policies.MapPut("/{id:guid}", UpdateAsync);
        policies.MapDelete("/{id:guid}", DeleteAsync);
    }

    /// <param name="name">Part of the name.</param>
    private static async Task<Results<Ok<Page<FallbackPolicyView>>, ProblemHttpResult>> ListAsync(
        IFallbackPolicyOperations policies, string? name, int? page, int? pageSize, CancellationToken ct) =>
        OutcomeResults.Ok(await policies.ListAsync(name, page, pageSize, ct));

    private static async Task<Results<Ok<FallbackPolicyView>, ProblemHttpResult>> GetAsync(
        Guid id, IFallbackPolicyOperations policies, HttpResponse response, CancellationToken ct) =>
        OutcomeResults.Ok(await policies.GetAsync(id, ct), response);

    private static async Task<Results<Created<FallbackPolicyView>, ProblemHttpResult>> CreateAsync(
        FallbackPolicyInput input, IFallbackPolicyOperations policies, HttpResponse response, CancellationToken ct) =>
        OutcomeResults.Created(await policies.CreateAsync(input, ct), response, created => $"/api/v1/fallback-policies/{created.Id}");

    private static async Task<Results<Ok<FallbackPolicyView>, ProblemHttpResult>> UpdateAsync(
        Guid id, FallbackPolicyInput input, IFallbackPolicyOperations policies, HttpRequest request, HttpResponse response, CancellationToken ct) =>
        OutcomeResults.Ok(await policies.UpdateAsync(id, input, ETags.IfMatch(request), ct), response);

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, IFallbackPolicyOperations policies, HttpRequest request, CancellationToken ct) =>
        await policies.DeleteAsync(id, ETags.IfMatch(request), ct) is { Succeeded: false } refused
            ? Problems.Of(refused.Failure)
            : TypedResults.NoContent();
}

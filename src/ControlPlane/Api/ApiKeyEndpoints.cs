using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ControlPlane.Access;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Api;

/// <summary>
/// <c>/api/v1/keys</c>: the HTTP face of <see cref="IApiKeyOperations"/>. Each handler binds the
/// request, calls the operation and maps its outcome (problem details, ETag header); roles,
/// validation, tenant scoping and audit are the operation's, shared with the dashboard.
/// </summary>
internal static class ApiKeyEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var keys = api.MapGroup("/keys").WithTags("API keys");
        keys.MapGet("", ListAsync);
        keys.MapGet("/{id:guid}", GetAsync);
        keys.MapPost("", CreateAsync);
        keys.MapPut("/{id:guid}", UpdateAsync);
        keys.MapPost("/{id:guid}/rotate", RotateAsync);
        keys.MapPost("/{id:guid}/revoke", RevokeAsync);
    }

    /// <param name="status"><c>active</c>, <c>revoked</c> or <c>expired</c>.</param>
    private static async Task<Results<Ok<Page<ApiKeyView>>, ProblemHttpResult>> ListAsync(
        IApiKeyOperations keys, string? name, string? status, int? page, int? pageSize, CancellationToken ct) =>
        OutcomeResults.Ok(await keys.ListAsync(new ApiKeyQuery(name, status, page, pageSize), ct));

    private static async Task<Results<Ok<ApiKeyView>, ProblemHttpResult>> GetAsync(
        Guid id, IApiKeyOperations keys, HttpResponse response, CancellationToken ct) =>
        OutcomeResults.Ok(await keys.GetAsync(id, ct), response);

    private static async Task<Results<Created<ApiKeyWithSecret>, ProblemHttpResult>> CreateAsync(
        ApiKeyInput input, IApiKeyOperations keys, HttpResponse response, CancellationToken ct) =>
        OutcomeResults.Created(await keys.CreateAsync(input, ct), response, created => $"/api/v1/keys/{created.Key.Id}");

    private static async Task<Results<Ok<ApiKeyView>, ProblemHttpResult>> UpdateAsync(
        Guid id, ApiKeyInput input, IApiKeyOperations keys, HttpRequest request, HttpResponse response, CancellationToken ct) =>
        OutcomeResults.Ok(await keys.UpdateAsync(id, input, ETags.IfMatch(request), ct), response);

    private static async Task<Results<Ok<ApiKeyWithSecret>, ProblemHttpResult>> RotateAsync(
        Guid id, IApiKeyOperations keys, HttpRequest request, HttpResponse response, CancellationToken ct) =>
        OutcomeResults.Ok(await keys.RotateAsync(id, ETags.IfMatch(request), ct), response);

    private static async Task<Results<Ok<ApiKeyView>, ProblemHttpResult>> RevokeAsync(
        Guid id, IApiKeyOperations keys, HttpRequest request, HttpResponse response, CancellationToken ct) =>
        OutcomeResults.Ok(await keys.RevokeAsync(id, ETags.IfMatch(request), ct), response);
}

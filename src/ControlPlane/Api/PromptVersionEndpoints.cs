using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Api;

/// <summary>
/// <c>/api/v1/prompts/{id}/versions</c> and <c>/diff</c>. A version is written once, as the next
/// number, and never edited or deleted: there is deliberately no PUT, PATCH or DELETE here (a
/// running application may be pinned to it).
/// </summary>
internal static class PromptVersionEndpoints
{
    public static void Map(RouteGroupBuilder prompts)
    {
        prompts.MapGet("/{id:guid}/versions", ListAsync);
        prompts.MapGet("/{id:guid}/versions/{version:int}", GetAsync);
        prompts.MapPost("/{id:guid}/versions", CreateAsync);
        prompts.MapGet("/{id:guid}/diff", DiffAsync);
    }

    private static async Task<Results<Ok<Page<PromptVersionView>>, ProblemHttpResult>> ListAsync(
        Guid id, IPromptOperations prompts, int? page, int? pageSize, CancellationToken ct) =>
        OutcomeResults.Ok(await prompts.VersionsAsync(id, page, pageSize, ct));

    private static async Task<Results<Ok<PromptVersionView>, ProblemHttpResult>> GetAsync(
        Guid id, int version, IPromptOperations prompts, HttpResponse response, CancellationToken ct) =>
        OutcomeResults.Ok(await prompts.GetVersionAsync(id, version, ct), response);

    private static async Task<Results<Created<PromptVersionView>, ProblemHttpResult>> CreateAsync(
        Guid id, PromptVersionInput input, IPromptOperations prompts, HttpResponse response, CancellationToken ct) =>
        OutcomeResults.Created(await prompts.CreateVersionAsync(id, input, ct), response, v => $"/api/v1/prompts/{id}/versions/{v.Version}");

    private static async Task<Results<Ok<PromptDiffView>, ProblemHttpResult>> DiffAsync(
        Guid id, int? from, int? to, IPromptOperations prompts, CancellationToken ct) =>
        OutcomeResults.Ok(await prompts.DiffAsync(id, from, to, ct));
}

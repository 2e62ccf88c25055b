using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ControlPlane.Access;
using Platform.ControlPlane.Features.Prompts;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Api;

/// <summary>
/// <c>/api/v1/prompts/{id}/labels</c>: release labels. <c>PUT .../labels/{label} {version}</c>
/// creates a label, promotes it to a newer version or rolls it back to an older one; the data plane
/// follows on its next snapshot reload, no deploy needed. The moves are the label history.
/// </summary>
internal static class PromptLabelEndpoints
{
    public const string EntityType = PromptOperations.LabelEntityType;

    public static void Map(RouteGroupBuilder prompts)
    {
        prompts.MapGet("/{id:guid}/labels/history", HistoryAsync);
        prompts.MapGet("/{id:guid}/labels/{label}", GetAsync);
        prompts.MapPut("/{id:guid}/labels/{label}", SetAsync);
        prompts.MapDelete("/{id:guid}/labels/{label}", DeleteAsync);
    }

    private static async Task<Results<Ok<PromptLabelView>, ProblemHttpResult>> GetAsync(
        Guid id, string label, IPromptOperations prompts, HttpResponse response, CancellationToken ct) =>
        OutcomeResults.Ok(await prompts.GetLabelAsync(id, label, ct), response);

    private static async Task<Results<Created<PromptLabelView>, Ok<PromptLabelView>, ProblemHttpResult>> SetAsync(
        Guid id, string label, PromptLabelInput input, IPromptOperations prompts, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var outcome = await prompts.SetLabelAsync(id, label, input, ETags.IfMatch(request), ct);
        if (!outcome.Succeeded)
        {
            return Problems.Of(outcome.Failure);
        }

        response.Headers.ETag = outcome.ETag;
        return outcome.Value.Created
            ? TypedResults.Created($"/api/v1/prompts/{id}/labels/{label}", outcome.Value.Label)
            : TypedResults.Ok(outcome.Value.Label);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, string label, IPromptOperations prompts, HttpRequest request, CancellationToken ct) =>
        await prompts.DeleteLabelAsync(id, label, ETags.IfMatch(request), ct) is { Succeeded: false } refused
            ? Problems.Of(refused.Failure)
            : TypedResults.NoContent();

    /// <param name="label">Only this label's moves; all the prompt's labels without it.</param>
    private static async Task<Results<Ok<Page<PromptLabelMoveView>>, ProblemHttpResult>> HistoryAsync(
        Guid id, string? label, IPromptOperations prompts, int? page, int? pageSize, CancellationToken ct) =>
        OutcomeResults.Ok(await prompts.LabelHistoryAsync(id, label, page, pageSize, ct));

    public static string EntityId(Guid promptId, string label) => PromptOperations.LabelEntityId(promptId, label);

    public static string MoveAction(int from, int to) => PromptOperations.MoveAction(from, to);
}

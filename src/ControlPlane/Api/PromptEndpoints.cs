using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Api;

/// <summary>
/// <c>/api/v1/prompts</c>: the HTTP face of <see cref="IPromptOperations"/>, the prompt registry the
/// dashboard's prompts page uses too. Versions are in <see cref="PromptVersionEndpoints"/>, release
/// labels in <see cref="PromptLabelEndpoints"/>; roles, validation, tenant scoping and audit are the operation's.
/// </summary>
internal static class PromptEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var prompts = api.MapGroup("/prompts").WithTags("Prompts");
        prompts.MapGet("", ListAsync);
        prompts.MapGet("/{id:guid}", GetAsync);
        prompts.MapPost("", CreateAsync);
        prompts.MapPut("/{id:guid}", UpdateAsync);
        PromptVersionEndpoints.Map(prompts);
        PromptLabelEndpoints.Map(prompts);
    }

    private static async Task<Results<Ok<Page<PromptView>>, ProblemHttpResult>> ListAsync(
        IPromptOperations prompts, string? name, int? page, int? pageSize, CancellationToken ct) =>
        OutcomeResults.Ok(await prompts.ListAsync(new PromptQuery(name, page, pageSize), ct));

    private static async Task<Results<Ok<PromptView>, ProblemHttpResult>> GetAsync(
        Guid id, IPromptOperations prompts, HttpResponse response, CancellationToken ct) =>
        OutcomeResults.Ok(await prompts.GetAsync(id, ct), response);

    private static async Task<Results<Created<PromptView>, ProblemHttpResult>> CreateAsync(
        PromptInput input, IPromptOperations prompts, HttpResponse response, CancellationToken ct) =>
        OutcomeResults.Created(await prompts.CreateAsync(input, ct), response, p => $"/api/v1/prompts/{p.Id}");

    private static async Task<Results<Ok<PromptView>, ProblemHttpResult>> UpdateAsync(
        Guid id, PromptUpdateInput input, IPromptOperations prompts, HttpRequest request, HttpResponse response, CancellationToken ct) =>
        OutcomeResults.Ok(await prompts.UpdateAsync(id, input, ETags.IfMatch(request), ct), response);
}

using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ControlPlane.Access;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Api;

/// <summary>
/// <c>/api/v1/providers</c>: the HTTP face of <see cref="IProviderOperations"/>. The credential is
/// write-only (shown only as <c>hasCredential</c>, kept when an update leaves it out); roles,
/// validation, tenant scoping and audit are the operation's, shared with the dashboard.
/// </summary>
internal static class ProviderEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var providers = api.MapGroup("/providers").WithTags("Providers");
        providers.MapGet("", ListAsync);
        providers.MapGet("/{id:guid}", GetAsync);
        providers.MapPost("", CreateAsync);
        providers.MapPut("/{id:guid}", UpdateAsync);
        providers.MapDelete("/{id:guid}", DeleteAsync);
        providers.MapPost("/{id:guid}/test", TestAsync);
    }

    /// <param name="kind">openai-compatible, anthropic, gemini or simulator.</param>
    /// <param name="name">Part of the name.</param>
    private static async Task<Results<Ok<Page<ProviderView>>, ProblemHttpResult>> ListAsync(
        IProviderOperations providers, string? kind, string? name, bool? enabled, int? page, int? pageSize, CancellationToken ct) =>
        OutcomeResults.Ok(await providers.ListAsync(new ProviderQuery(kind, name, enabled, page, pageSize), ct));

    private static async Task<Results<Ok<ProviderView>, ProblemHttpResult>> GetAsync(
        Guid id, IProviderOperations providers, HttpResponse response, CancellationToken ct) =>
        OutcomeResults.Ok(await providers.GetAsync(id, ct), response);

    private static async Task<Results<Created<ProviderView>, ProblemHttpResult>> CreateAsync(
        ProviderInput input, IProviderOperations providers, HttpResponse response, CancellationToken ct) =>
        OutcomeResults.Created(await providers.CreateAsync(input, ct), response, created => $"/api/v1/providers/{created.Id}");

    private static async Task<Results<Ok<ProviderView>, ProblemHttpResult>> UpdateAsync(
        Guid id, ProviderInput input, IProviderOperations providers, HttpRequest request, HttpResponse response, CancellationToken ct) =>
        OutcomeResults.Ok(await providers.UpdateAsync(id, input, ETags.IfMatch(request), ct), response);

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, IProviderOperations providers, HttpRequest request, CancellationToken ct) =>
        await providers.DeleteAsync(id, ETags.IfMatch(request), ct) is { Succeeded: false } refused
            ? Problems.Of(refused.Failure)
            : TypedResults.NoContent();

    /// <summary>A real call with the stored credential; a failure is an answer (<c>ok: false</c>), not an error status.</summary>
    private static async Task<Results<Ok<ProviderTestResult>, ProblemHttpResult>> TestAsync(
        Guid id, IProviderOperations providers, CancellationToken ct) =>
        OutcomeResults.Ok(await providers.TestAsync(id, ct));
}

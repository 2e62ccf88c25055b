using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Tests.Components;

/// <summary>Models from <see cref="Models"/>, served whole; records every call so tests assert what the page sent.</summary>
internal sealed class FakeModelOperations : IModelOperations
{
    public const string ETag = "\"model-etag\"";

    public List<ModelView> Models { get; } = [Model("openai/gpt-4o", "gpt-4o"), Model("anthropic/claude", "claude")];

    public List<ModelQuery> Queries { get; } = [];

    public List<ModelInput> Written { get; } = [];

    /// <summary>The If-Match of every update, in order.</summary>
    public List<string?> IfMatches { get; } = [];

    public Func<ModelInput, Outcome<ModelView>> OnWrite { get; set; } = input => Outcome.Ok(Model(input.Name, input.UpstreamId ?? "m"));

    public static ModelView Model(string name, string upstreamId) => new(
        Guid.NewGuid(), name, name[..name.IndexOf('/', StringComparison.Ordinal)], Guid.NewGuid(), upstreamId, 128_000, 16_384,
        ["streaming", "tools"], new ModelPrices(2.5m, 10m, 1.25m), null, true, true, FakeProviderOperations.At);

    public Task<Outcome<Page<ModelView>>> ListAsync(ModelQuery query, CancellationToken ct)
    {
        Queries.Add(query);
        var paging = Paging.From(query.Page, query.PageSize);
        return Task.FromResult(Outcome.Ok(new Page<ModelView>([.. Models], paging.PageNumber, paging.PageSize, Models.Count)));
    }

    public Task<Outcome<ModelView>> GetAsync(Guid id, CancellationToken ct) =>
        Task.FromResult(Models.FirstOrDefault(m => m.Id == id) is { } model ? Outcome.Ok(model, ETag) : Failure.NotFound("model"));

    public Task<Outcome<Page<ModelPriceView>>> PricesAsync(Guid id, int? page, int? pageSize, CancellationToken ct) =>
        Task.FromResult(Outcome.Ok(new Page<ModelPriceView>(
            [new(FakeProviderOperations.At, 3m, 12m, 3m), new(FakeProviderOperations.At.AddDays(-30), 2.5m, 10m, 1.25m)], 1, 50, 2)));

    public Task<Outcome<ModelView>> CreateAsync(ModelInput input, CancellationToken ct)
    {
        Written.Add(input);
        return Task.FromResult(OnWrite(input));
    }

    public Task<Outcome<ModelView>> UpdateAsync(Guid id, ModelInput input, string? ifMatch, CancellationToken ct)
    {
        Written.Add(input);
        IfMatches.Add(ifMatch);
        return Task.FromResult(OnWrite(input));
    }

    public Task<Outcome<ModelView>> DeleteAsync(Guid id, string? ifMatch, CancellationToken ct) =>
        Task.FromResult(Outcome.Ok(Models[0]));
}

using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Tests.Components;

/// <summary>Routes from <see cref="Routes"/>, served whole; records every write and dry run so tests assert what the page sent.</summary>
internal sealed class FakeRouteOperations : IRouteOperations
{
    public const string ETag = "\"route-etag\"";

    public List<RouteView> Routes { get; } =
    [
        Route("chat", [new("openai/gpt-4o", Guid.NewGuid(), 1), new("anthropic/claude", Guid.NewGuid(), 1)]),
        Route("summaries", [], tier: "cheap"),
    ];

    public List<RouteQuery> Queries { get; } = [];

    public List<RouteInput> Created { get; } = [];

    public List<Guid> Deleted { get; } = [];

    /// <summary>The If-Match of every update, in order.</summary>
    public List<string?> IfMatches { get; } = [];

    public List<DryRunInput> DryRuns { get; } = [];

    /// <summary>What create answers; by default the route as sent.</summary>
    public Func<RouteInput, Outcome<RouteView>> OnCreate { get; set; } =
        input => Outcome.Ok(Route(input.Name, [.. input.Candidates.Select(c => new WeightedModelView(c.Model, Guid.NewGuid(), c.Weight))], input.Tier));

    public Func<DryRunInput, Outcome<DryRunResult>> OnDryRun { get; set; } = _ => Outcome.Ok(Plan());

    public static RouteView Route(string name, IReadOnlyList<WeightedModelView> candidates, string? tier = null) => new(
        Guid.NewGuid(), name, null, tier, candidates, "priority", null, "standard", new RouteConstraints("eu"), null, new RouteCache(),
        new DateTime(2026, 5, 1, 8, 0, 0, DateTimeKind.Utc));

    /// <summary>Two candidates: the first excluded (no tools), the second eligible.</summary>
    public static DryRunResult Plan() => new(
        "route", "chat", null, "priority", "standard", null, true, "route 'chat' would try anthropic/claude.",
        [
            new DryRunCandidate("openai/gpt-4o", "openai", 0, 1, false, null, ["capability"], ["openai/gpt-4o does not support tools"], 0.01m),
            new DryRunCandidate("anthropic/claude", "anthropic", 1, 1, true, 1, [], [], 0.02m),
        ],
        ["Priority: candidates are tried in priority order."]);

    public Task<Outcome<Page<RouteView>>> ListAsync(RouteQuery query, CancellationToken ct)
    {
        Queries.Add(query);
        var paging = Paging.From(query.Page, query.PageSize);
        return Task.FromResult(Outcome.Ok(new Page<RouteView>([.. Routes], paging.PageNumber, paging.PageSize, Routes.Count)));
    }

    public Task<Outcome<RouteView>> GetAsync(Guid id, CancellationToken ct) =>
        Task.FromResult(Routes.FirstOrDefault(r => r.Id == id) is { } route ? Outcome.Ok(route, ETag) : Failure.NotFound("route"));

    public Task<Outcome<RouteView>> CreateAsync(RouteInput input, CancellationToken ct)
    {
        Created.Add(input);
        return Task.FromResult(OnCreate(input));
    }

    public Task<Outcome<RouteView>> UpdateAsync(Guid id, RouteInput input, string? ifMatch, CancellationToken ct)
    {
        Created.Add(input);
        IfMatches.Add(ifMatch);
        return Task.FromResult(OnCreate(input));
    }

    public Task<Outcome<RouteView>> DeleteAsync(Guid id, string? ifMatch, CancellationToken ct)
    {
        Deleted.Add(id);
        return Task.FromResult(Outcome.Ok(Routes[0]));
    }

    public Task<Outcome<IReadOnlyList<ModelView>>> ChainModelsAsync(IReadOnlyCollection<string> names, CancellationToken ct) =>
        Task.FromResult(Outcome.Ok<IReadOnlyList<ModelView>>(
        [
            new(Guid.NewGuid(), "openai/gpt-4o", "openai", Guid.NewGuid(), "gpt-4o", 128_000, 16_384, ["streaming", "tools"],
                new ModelPrices(2.5m, 10m, 1.25m), "eu", true, true, new DateTime(2026, 5, 1, 8, 0, 0, DateTimeKind.Utc)),
        ]));

    public Task<Outcome<DryRunResult>> DryRunAsync(DryRunInput input, CancellationToken ct)
    {
        DryRuns.Add(input);
        return Task.FromResult(OnDryRun(input));
    }
}

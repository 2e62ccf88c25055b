using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Tests.Components;

/// <summary>
/// The budgets in <see cref="Budgets"/> with the spend in <see cref="Spent"/> (by name; none: outside
/// its period), served a page at a time; records every call so tests assert what the page asked for.
/// </summary>
internal sealed class FakeBudgetOperations : IBudgetOperations
{
    public const string ETag = "\"budget-etag\"";

    public List<BudgetView> Budgets { get; } = [Budget("monthly", 100m, [50, 80, 100])];

    public Dictionary<string, BudgetSpendView> Spent { get; } = new(StringComparer.Ordinal)
    {
        ["monthly"] = new(new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc), 85m, null),
    };

    /// <summary>What the budget table asked for (<see cref="ProgressAsync"/>).</summary>
    public List<BudgetQuery> Queries { get; } = [];

    /// <summary>What the alert history's budget filter asked for (<see cref="ListAsync"/>).</summary>
    public List<BudgetQuery> ListQueries { get; } = [];

    public List<BudgetInput> Created { get; } = [];

    public List<(Guid Id, BudgetInput Input, string? IfMatch)> Updated { get; } = [];

    public List<Guid> Deleted { get; } = [];

    /// <summary>What create answers; by default the budget as given.</summary>
    public Func<BudgetInput, Outcome<BudgetView>> OnCreate { get; set; } = input => Outcome.Ok(FromInput(Guid.NewGuid(), input));

    public static BudgetView Budget(string name, decimal limit, IReadOnlyList<int> thresholds, string scope = "tenant") => new(
        Guid.NewGuid(), name, scope, "month", null, null, limit, "soft", null, thresholds, ["finance@acme.test"], null,
        new DateTime(2026, 5, 1, 8, 0, 0, DateTimeKind.Utc), new DateTime(2026, 5, 1, 8, 0, 0, DateTimeKind.Utc));

    public Task<Outcome<Page<BudgetView>>> ListAsync(BudgetQuery query, CancellationToken ct)
    {
        ListQueries.Add(query);
        var (paging, items) = Slice(query);
        return Task.FromResult(Outcome.Ok(new Page<BudgetView>(items, paging.PageNumber, paging.PageSize, Budgets.Count)));
    }

    public Task<Outcome<Page<BudgetProgressView>>> ProgressAsync(BudgetQuery query, CancellationToken ct)
    {
        Queries.Add(query);
        var (paging, items) = Slice(query);
        var views = items.Select(b => new BudgetProgressView(b, Spent.GetValueOrDefault(b.Name))).ToList();
        return Task.FromResult(Outcome.Ok(new Page<BudgetProgressView>(views, paging.PageNumber, paging.PageSize, Budgets.Count)));
    }

    public Task<Outcome<BudgetView>> GetAsync(Guid id, CancellationToken ct) =>
        Task.FromResult(Budgets.FirstOrDefault(b => b.Id == id) is { } budget ? Outcome.Ok(budget, ETag) : Failure.NotFound("budget"));

    public Task<Outcome<BudgetView>> CreateAsync(BudgetInput input, CancellationToken ct)
    {
        Created.Add(input);
        return Task.FromResult(OnCreate(input));
    }

    public Task<Outcome<BudgetView>> UpdateAsync(Guid id, BudgetInput input, string? ifMatch, CancellationToken ct)
    {
        Updated.Add((id, input, ifMatch));
        return Task.FromResult(Outcome.Ok(FromInput(id, input), ETag));
    }

    public Task<Outcome<BudgetView>> DeleteAsync(Guid id, string? ifMatch, CancellationToken ct)
    {
        Deleted.Add(id);
        return Task.FromResult(Budgets.FirstOrDefault(b => b.Id == id) is { } budget ? Outcome.Ok(budget) : Failure.NotFound("budget"));
    }

    private (Paging Paging, List<BudgetView> Items) Slice(BudgetQuery query)
    {
        var paging = Paging.From(query.Page, query.PageSize);
        return (paging, [.. Budgets.Skip(paging.Skip).Take(paging.PageSize)]);
    }

    private static BudgetView FromInput(Guid id, BudgetInput input) => new(
        id, input.Name, input.Scope, input.Period, input.Start, input.End, input.LimitUsd, input.Action, input.DowngradeTier,
        input.Thresholds, input.AlertEmails, input.AlertWebhookUrl, DateTime.UnixEpoch, DateTime.UnixEpoch);
}

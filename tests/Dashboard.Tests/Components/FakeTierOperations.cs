using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Tests.Components;

/// <summary>Tiers from <see cref="Tiers"/>, served whole; records every write so tests assert what the page sent.</summary>
internal sealed class FakeTierOperations : ITierOperations
{
    public List<TierView> Tiers { get; } = [Tier("cheap", "openai/mini", "anthropic/haiku")];

    /// <summary>Route names per tier name.</summary>
    public Dictionary<string, IReadOnlyList<string>> Routes { get; } = new(StringComparer.Ordinal) { ["cheap"] = ["summaries"] };

    public List<(Guid? Id, TierInput Input)> Saved { get; } = [];

    public List<Guid> Deleted { get; } = [];

    /// <summary>What create and update answer; by default the tier as sent.</summary>
    public Func<TierInput, Outcome<TierView>> OnSave { get; set; } =
        input => Outcome.Ok(new TierView(Guid.NewGuid(), input.Name, input.Description,
            [.. input.Models.Select(m => new WeightedModelView(m.Model, Guid.NewGuid(), m.Weight))], new DateTime(2026, 5, 1, 8, 0, 0, DateTimeKind.Utc)));

    public static TierView Tier(string name, params string[] models) => new(
        Guid.NewGuid(), name, null, [.. models.Select(m => new WeightedModelView(m, Guid.NewGuid(), 1))], new DateTime(2026, 5, 1, 8, 0, 0, DateTimeKind.Utc));

    public Task<Outcome<Page<TierView>>> ListAsync(string? model, string? name, int? page, int? pageSize, CancellationToken ct)
    {
        var paging = Paging.From(page, pageSize);
        return Task.FromResult(Outcome.Ok(new Page<TierView>([.. Tiers], paging.PageNumber, paging.PageSize, Tiers.Count)));
    }

    public Task<Outcome<TierView>> GetAsync(Guid id, CancellationToken ct) =>
        Task.FromResult(Tiers.Find(t => t.Id == id) is { } tier ? Outcome.Ok(tier, "\"v1\"") : Failure.NotFound("tier"));

    public Task<Outcome<TierView>> CreateAsync(TierInput input, CancellationToken ct)
    {
        Saved.Add((null, input));
        return Task.FromResult(OnSave(input));
    }

    public Task<Outcome<TierView>> UpdateAsync(Guid id, TierInput input, string? ifMatch, CancellationToken ct)
    {
        Saved.Add((id, input));
        return Task.FromResult(OnSave(input));
    }

    public Task<Outcome<TierView>> DeleteAsync(Guid id, string? ifMatch, CancellationToken ct)
    {
        Deleted.Add(id);
        return Task.FromResult(Outcome.Ok(Tiers.Single(t => t.Id == id)));
    }

    public Task<Outcome<IReadOnlyDictionary<Guid, IReadOnlyList<string>>>> RoutesUsingAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        Task.FromResult(Outcome.Ok<IReadOnlyDictionary<Guid, IReadOnlyList<string>>>(ids.ToDictionary(
            id => id,
            id => Tiers.Find(t => t.Id == id) is { } tier && Routes.TryGetValue(tier.Name, out var routes) ? routes : (IReadOnlyList<string>)[])));
}

using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Tests.Components;

/// <summary>Policies from <see cref="Policies"/>, served whole; records every write so tests assert what the page sent.</summary>
internal sealed class FakeFallbackPolicyOperations : IFallbackPolicyOperations
{
    public List<FallbackPolicyView> Policies { get; } =
    [
        Policy("interactive", retryOn: ["timeout", "rate_limited"], fallbackOn: ["timeout", "server_error", "context_length"]),
        Policy("batch", retryOn: ["timeout", "connection", "auth"], fallbackOn: []),
    ];

    /// <summary>Route names per policy name.</summary>
    public Dictionary<string, IReadOnlyList<string>> Routes { get; } = new(StringComparer.Ordinal) { ["interactive"] = ["chat", "support"] };

    public List<(Guid? Id, FallbackPolicyInput Input, string? IfMatch)> Saved { get; } = [];

    public List<Guid> Deleted { get; } = [];

    /// <summary>What create and update answer; by default the policy as sent.</summary>
    public Func<FallbackPolicyInput, Outcome<FallbackPolicyView>> OnSave { get; set; } = input => Outcome.Ok(View(Guid.NewGuid(), input));

    public Func<Guid, Outcome<FallbackPolicyView>>? OnDelete { get; set; }

    public static FallbackPolicyView Policy(string name, IReadOnlyList<string> retryOn, IReadOnlyList<string> fallbackOn) =>
        View(Guid.NewGuid(), new FallbackPolicyInput { Name = name, RetryOn = retryOn, FallbackOn = fallbackOn });

    public static FallbackPolicyView View(Guid id, FallbackPolicyInput p) => new(
        id, p.Name, p.PerAttemptTimeoutMs, p.FirstTokenTimeoutMs, p.OverallDeadlineMs, p.MaxRetries, p.BackoffBaseMs, p.MaxCandidates,
        p.RetryOn, p.FallbackOn, p.CircuitBreaker, p.Degraded, new DateTime(2026, 5, 1, 8, 0, 0, DateTimeKind.Utc));

    public Task<Outcome<Page<FallbackPolicyView>>> ListAsync(string? name, int? page, int? pageSize, CancellationToken ct)
    {
        var paging = Paging.From(page, pageSize);
        return Task.FromResult(Outcome.Ok(new Page<FallbackPolicyView>([.. Policies], paging.PageNumber, paging.PageSize, Policies.Count)));
    }

    public Task<Outcome<FallbackPolicyView>> GetAsync(Guid id, CancellationToken ct) =>
        Task.FromResult(Policies.Find(p => p.Id == id) is { } policy ? Outcome.Ok(policy, "\"v1\"") : Failure.NotFound("fallback policy"));

    public Task<Outcome<FallbackPolicyView>> CreateAsync(FallbackPolicyInput input, CancellationToken ct)
    {
        Saved.Add((null, input, null));
        return Task.FromResult(OnSave(input));
    }

    public Task<Outcome<FallbackPolicyView>> UpdateAsync(Guid id, FallbackPolicyInput input, string? ifMatch, CancellationToken ct)
    {
        Saved.Add((id, input, ifMatch));
        return Task.FromResult(OnSave(input));
    }

    public Task<Outcome<FallbackPolicyView>> DeleteAsync(Guid id, string? ifMatch, CancellationToken ct)
    {
        Deleted.Add(id);
        return Task.FromResult(OnDelete?.Invoke(id) ?? Outcome.Ok(Policies.Single(p => p.Id == id)));
    }

    public Task<Outcome<IReadOnlyDictionary<Guid, IReadOnlyList<string>>>> RoutesUsingAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        Task.FromResult(Outcome.Ok<IReadOnlyDictionary<Guid, IReadOnlyList<string>>>(ids.ToDictionary(
            id => id,
            id => Policies.Find(p => p.Id == id) is { } policy && Routes.TryGetValue(policy.Name, out var routes) ? routes : (IReadOnlyList<string>)[])));
}

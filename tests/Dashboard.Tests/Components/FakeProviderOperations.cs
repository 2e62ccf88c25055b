using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Tests.Components;

/// <summary>Providers from <see cref="Providers"/>, served whole, with health from <see cref="Health"/>; records every call so tests assert what the page sent.</summary>
internal sealed class FakeProviderOperations : IProviderOperations
{
    public const string ETag = "\"provider-etag\"";

    public static readonly DateTime At = new(2026, 6, 1, 11, 50, 0, DateTimeKind.Utc);

    public List<ProviderView> Providers { get; } = [Provider("openai", hasCredential: true), Provider("anthropic")];

    public List<ProviderQuery> Queries { get; } = [];

    public List<ProviderInput> Written { get; } = [];

    /// <summary>The If-Match of every update, in order.</summary>
    public List<string?> IfMatches { get; } = [];

    public List<Guid> Deleted { get; } = [];

    public List<Guid> Tested { get; } = [];

    public List<CatalogHealthQuery> HealthQueries { get; } = [];

    public Func<ProviderInput, Outcome<ProviderView>> OnWrite { get; set; } = input => Outcome.Ok(Provider(input.Name, input.Credential is not null));

    public Func<Guid, Outcome<ProviderView>> OnDelete { get; set; } = _ => Outcome.Ok(Provider("gone"));

    /// <summary>What a connection test answers; a task the test can hold open to see the progress indicator.</summary>
    public Func<Guid, Task<Outcome<ProviderTestResult>>> OnTest { get; set; } =
        _ => Task.FromResult(Outcome.Ok(new ProviderTestResult(true, 200, 42, null)));

    public CatalogHealthView Health { get; set; } = new(At.AddMinutes(-15), At,
        [new ProviderHealthView("openai", new HealthStats(40, 10, 120, 900, "timeout", At.AddMinutes(-2)), 1)],
        [new ModelHealthView("openai", "gpt-4o", new HealthStats(40, 10, 120, 900, "timeout", At.AddMinutes(-2)), new CircuitView("open", true, At.AddMinutes(-1)))]);

    public static ProviderView Provider(string name, bool hasCredential = false) => new(
        Guid.NewGuid(), name, "openai-compatible", $"https://{name}.example.test/v1", hasCredential, "eu", false, true, At);

    public Task<Outcome<Page<ProviderView>>> ListAsync(ProviderQuery query, CancellationToken ct)
    {
        Queries.Add(query);
        var paging = Paging.From(query.Page, query.PageSize);
        return Task.FromResult(Outcome.Ok(new Page<ProviderView>([.. Providers], paging.PageNumber, paging.PageSize, Providers.Count)));
    }

    public Task<Outcome<ProviderView>> GetAsync(Guid id, CancellationToken ct) =>
        Task.FromResult(Providers.FirstOrDefault(p => p.Id == id) is { } provider ? Outcome.Ok(provider, ETag) : Failure.NotFound("provider"));

    public Task<Outcome<ProviderView>> CreateAsync(ProviderInput input, CancellationToken ct)
    {
        Written.Add(input);
        return Task.FromResult(OnWrite(input));
    }

    public Task<Outcome<ProviderView>> UpdateAsync(Guid id, ProviderInput input, string? ifMatch, CancellationToken ct)
    {
        Written.Add(input);
        IfMatches.Add(ifMatch);
        return Task.FromResult(OnWrite(input));
    }

    public Task<Outcome<ProviderView>> DeleteAsync(Guid id, string? ifMatch, CancellationToken ct)
    {
        Deleted.Add(id);
        return Task.FromResult(OnDelete(id));
    }

    public Task<Outcome<ProviderTestResult>> TestAsync(Guid id, CancellationToken ct)
    {
        Tested.Add(id);
        return OnTest(id);
    }

    public Task<Outcome<CatalogHealthView>> HealthAsync(CatalogHealthQuery query, CancellationToken ct)
    {
        HealthQueries.Add(query);
        return Task.FromResult(Outcome.Ok(Health));
    }
}

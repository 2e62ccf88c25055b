using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Tests.Components;

/// <summary>
/// Keys named <c>key-000</c>, <c>key-001</c>, ... (<see cref="Total"/> of them), served a page at a
/// time; records every call so tests assert what the page asked for.
/// </summary>
internal sealed class FakeApiKeyOperations : IApiKeyOperations
{
    public const string Secret = "plt_test_0123456789abcdefghijklmnopqrstuv";

    public int Total { get; set; } = 3;

    public List<ApiKeyQuery> Queries { get; } = [];

    public List<ApiKeyInput> Created { get; } = [];

    public List<Guid> Revoked { get; } = [];

    /// <summary>What create answers; by default the key with <see cref="Secret"/>.</summary>
    public Func<ApiKeyInput, Outcome<ApiKeyWithSecret>> OnCreate { get; set; } =
        input => Outcome.Ok(new ApiKeyWithSecret(Key(input.Name), Secret));

    public static ApiKeyView Key(string name, DateTime? revokedAt = null) => new(
        Guid.NewGuid(), name, "plt_test", [], [], [], 60, null, null, revokedAt, null, new DateTime(2026, 5, 1, 8, 0, 0, DateTimeKind.Utc));

    public Task<Outcome<Page<ApiKeyView>>> ListAsync(ApiKeyQuery query, CancellationToken ct)
    {
        Queries.Add(query);
        var paging = Paging.From(query.Page, query.PageSize);
        var items = Enumerable.Range(paging.Skip, Math.Max(0, Math.Min(paging.PageSize, Total - paging.Skip)))
            .Select(i => Key($"key-{i:000}")).ToList();
        return Task.FromResult(Outcome.Ok(new Page<ApiKeyView>(items, paging.PageNumber, paging.PageSize, Total)));
    }

    public Task<Outcome<ApiKeyView>> GetAsync(Guid id, CancellationToken ct) =>
        Task.FromResult<Outcome<ApiKeyView>>(Failure.NotFound("API key"));

    public Task<Outcome<ApiKeyWithSecret>> CreateAsync(ApiKeyInput input, CancellationToken ct)
    {
        Created.Add(input);
        return Task.FromResult(OnCreate(input));
    }

    public Task<Outcome<ApiKeyView>> UpdateAsync(Guid id, ApiKeyInput input, string? ifMatch, CancellationToken ct) =>
        Task.FromResult<Outcome<ApiKeyView>>(Failure.NotFound("API key"));

    public Task<Outcome<ApiKeyWithSecret>> RotateAsync(Guid id, string? ifMatch, CancellationToken ct) =>
        Task.FromResult(Outcome.Ok(new ApiKeyWithSecret(Key("rotated"), Secret)));

    public Task<Outcome<ApiKeyView>> RevokeAsync(Guid id, string? ifMatch, CancellationToken ct)
    {
        Revoked.Add(id);
        return Task.FromResult(Outcome.Ok(Key("revoked", DateTime.UtcNow)));
    }
}

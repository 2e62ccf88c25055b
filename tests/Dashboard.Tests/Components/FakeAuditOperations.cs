using System.Text.Json;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Tests.Components;

/// <summary>The entries in <see cref="Entries"/>, newest first as given; records every query.</summary>
internal sealed class FakeAuditOperations : IAuditOperations
{
    public List<AuditEntryView> Entries { get; } = [];

    public List<AuditQuery> Queries { get; } = [];

    public static AuditEntryView Entry(string action, string entityType, string? before, string? after, string actor = "user:owner@acme.test") => new(
        Guid.NewGuid(), new DateTime(2026, 5, 1, 10, 30, 0, DateTimeKind.Utc), actor, action, entityType, Guid.NewGuid().ToString(),
        Json(before), Json(after));

    public Task<Outcome<Page<AuditEntryView>>> ListAsync(AuditQuery query, CancellationToken ct)
    {
        Queries.Add(query);
        var paging = Paging.From(query.Page, query.PageSize);
        var items = Entries.Skip(paging.Skip).Take(paging.PageSize).ToList();
        return Task.FromResult(Outcome.Ok(new Page<AuditEntryView>(items, paging.PageNumber, paging.PageSize, Entries.Count)));
    }

    private static JsonElement? Json(string? text)
    {
        if (text is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}

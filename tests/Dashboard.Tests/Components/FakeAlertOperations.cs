using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Tests.Components;

/// <summary>The alerts in <see cref="Alerts"/>, filtered and paged as asked; a signing secret that exists; records every call.</summary>
internal sealed class FakeAlertOperations : IAlertOperations
{
    public const string Secret = "whsec_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    public List<BudgetAlertView> Alerts { get; } = [];

    public List<AlertQuery> Queries { get; } = [];

    public int Rotations { get; private set; }

    public static BudgetAlertView Alert(Guid budgetId, string budgetName, int threshold, string emailStatus = "sent", string webhookStatus = "none") => new(
        Guid.NewGuid(), budgetId, budgetName, new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc), threshold, 85m, 100m, null,
        emailStatus, emailStatus == "sent" ? new DateTime(2026, 5, 20, 9, 0, 0, DateTimeKind.Utc) : null, webhookStatus, null, 0, null,
        new DateTime(2026, 5, 20, 9, 0, 0, DateTimeKind.Utc));

    public Task<Outcome<Page<BudgetAlertView>>> ListAsync(AlertQuery query, CancellationToken ct)
    {
        Queries.Add(query);
        var paging = Paging.From(query.Page, query.PageSize);
        var matching = Alerts.Where(a => query.BudgetId is not { } id || a.BudgetId == id).ToList();
        return Task.FromResult(Outcome.Ok(new Page<BudgetAlertView>(
            [.. matching.Skip(paging.Skip).Take(paging.PageSize)], paging.PageNumber, paging.PageSize, matching.Count)));
    }

    public Task<Outcome<Page<BudgetAlertView>>> BudgetAlertsAsync(Guid budgetId, int? page, int? pageSize, CancellationToken ct) =>
        ListAsync(new AlertQuery(BudgetId: budgetId, Page: page, PageSize: pageSize), ct);

    public Task<Outcome<WebhookSigningSecretView>> SigningSecretAsync(CancellationToken ct) =>
        Task.FromResult(Outcome.Ok(new WebhookSigningSecretView(true, "X-Platform-Signature")));

    public Task<Outcome<WebhookSigningSecretCreated>> RotateSigningSecretAsync(CancellationToken ct)
    {
        Rotations++;
        return Task.FromResult(Outcome.Ok(new WebhookSigningSecretCreated(Secret, "X-Platform-Signature")));
    }
}

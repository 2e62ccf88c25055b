using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Platform.DataPlane.Budgets;
using Platform.DataPlane.Configuration;
using Platform.DataPlane.Endpoints;
using Platform.DataPlane.Hosting;
using Platform.DataPlane.Tests.Routing;
using Platform.Shared.Data;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Tests.Budgets;

/// <summary>Budget records, calls and ledgers built directly, each test its own.</summary>
internal static class BudgetTestPolicies
{
    /// <summary>A Friday, mid-day; every test call starts here unless it says otherwise.</summary>
    public static readonly DateTime Now = new(2026, 1, 2, 12, 0, 0, DateTimeKind.Utc);

    public static BudgetPolicy Budget(
        BudgetScope scope = BudgetScope.Tenant,
        string? value = null,
        decimal limitUsd = 1m,
        BudgetAction action = BudgetAction.Hard,
        BudgetPeriod period = BudgetPeriod.Day,
        DateTime? start = null,
        DateTime? end = null,
        string name = "team") =>
        new(Guid.NewGuid(), name, scope, value, period, start, end, limitUsd, action, null, []);

    public static TenantPolicy Tenant(Guid tenantId, params BudgetPolicy[] budgets) =>
        TestPolicies.Tenant([TestPolicies.Model("openai/gpt")]) with { TenantId = tenantId, Budgets = budgets };

    public static CallContext Call(TenantPolicy tenant, string? feature = null, string keyName = "app", DateTime? startedAt = null) => new("chat", Dialect.OpenAi, startedAt ?? Now)
    {
        Tenant = tenant,
        Key = TestPolicies.Key() with { Name = keyName, TenantId = tenant.TenantId },
        Feature = feature,
    };

    public static BudgetLedger Ledger(PlatformDbContextFactory contexts, TimeProvider time, DataPlaneInstance? instance = null, ILogger<BudgetLedger>? logger = null) =>
        new(contexts, instance ?? new DataPlaneInstance(), time, Options.Create(new BudgetOptions()), logger ?? NullLogger<BudgetLedger>.Instance);
}

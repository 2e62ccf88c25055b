using MudBlazor;

namespace Platform.Dashboard.Layout;

/// <summary>
/// The pages of the dashboard, in navigation order. A page that is not built yet still has its
/// route (see <see cref="Pages.Planned"/>), so no link is dead. Building a page: add its component
/// with the same route, remove the route from <c>Planned.razor</c>, set <see cref="DashboardPage.Built"/>.
/// </summary>
public static class DashboardPages
{
    public static readonly IReadOnlyList<DashboardPage> All =
    [
        new("Overview", "/", Icons.Material.Filled.Dashboard, "GET /api/v1/usage/aggregate", true),
        new("API keys", "/keys", Icons.Material.Filled.VpnKey, "/api/v1/keys", true),
        new("Providers & models", "/providers", Icons.Material.Filled.Hub, "/api/v1/providers, /api/v1/models", false),
        new("Routes & tiers", "/routes", Icons.Material.Filled.AltRoute, "/api/v1/routes, /api/v1/tiers, POST /api/v1/routing/dry-run", true),
        new("Fallback policies", "/fallback-policies", Icons.Material.Filled.CallSplit, "/api/v1/fallback-policies", false),
        new("Prompts", "/prompts", Icons.Material.Filled.Notes, "/api/v1/prompts", true),
        new("Budgets & alerts", "/budgets", Icons.Material.Filled.Savings, "/api/v1/budgets, /api/v1/alerts", false),
        new("Usage & calls", "/usage", Icons.Material.Filled.ReceiptLong, "/api/v1/usage", true),
        new("Finance", "/finance", Icons.Material.Filled.Paid, "GET /api/v1/finance/spend", true),
        new("Members", "/members", Icons.Material.Filled.Group, "/api/v1/members, /api/v1/invitations", false),
        new("Audit log", "/audit", Icons.Material.Filled.History, "GET /api/v1/audit", false),
        new("Config as code", "/config", Icons.Material.Filled.Code, "GET /api/v1/config, POST /api/v1/config/preview, POST /api/v1/config/apply", false),
    ];
}

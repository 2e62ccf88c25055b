using MudBlazor;

namespace Platform.Dashboard.Layout;

/// <summary>
/// The pages of the dashboard, in navigation order. A new page adds its entry here and a component
/// with the same route (the README's "Dashboard" section has the recipe).
/// </summary>
public static class DashboardPages
{
    public static readonly IReadOnlyList<DashboardPage> All =
    [
        new("Overview", "/", Icons.Material.Filled.Dashboard),
        new("API keys", "/keys", Icons.Material.Filled.VpnKey),
        new("Providers & models", "/providers", Icons.Material.Filled.Hub),
        new("Routes & tiers", "/routes", Icons.Material.Filled.AltRoute),
        new("Fallback policies", "/fallback-policies", Icons.Material.Filled.CallSplit),
        new("Prompts", "/prompts", Icons.Material.Filled.Notes),
        new("Budgets & alerts", "/budgets", Icons.Material.Filled.Savings),
        new("Usage & calls", "/usage", Icons.Material.Filled.ReceiptLong),
        new("Finance", "/finance", Icons.Material.Filled.Paid),
        new("Members", "/members", Icons.Material.Filled.Group),
        new("Audit log", "/audit", Icons.Material.Filled.History),
        new("Config as code", "/config", Icons.Material.Filled.Code),
    ];
}

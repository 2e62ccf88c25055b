using System.Globalization;
using MudBlazor;
using Platform.Shared.Management;

namespace Platform.Dashboard.Pages.Budgets;

/// <summary>How the budgets page words a budget's settings and an alert's deliveries.</summary>
public static class BudgetText
{
    /// <summary><c>tenant</c> → "whole tenant", <c>feature:support</c> → "feature support", <c>key:app</c> → "API key app".</summary>
    public static string Scope(string scope) => scope.Split(':', 2) switch
    {
        ["feature", var name] => $"feature {name}",
        ["key", var name] => $"API key {name}",
        _ => "whole tenant",
    };

    public static string Period(BudgetView budget) =>
        budget.Period == "custom" && budget.Start is { } start && budget.End is { } end
            ? $"custom {Day(start)} – {Day(end)}"
            : budget.Period;

    public static string Action(BudgetView budget) =>
        budget.Action == "downgrade" && budget.DowngradeTier is { } tier ? $"downgrade to {tier}" : budget.Action;

    public static string Thresholds(IReadOnlyList<int> thresholds) =>
        thresholds.Count == 0 ? "none" : string.Join(", ", thresholds.Order().Select(t => t.ToString(CultureInfo.InvariantCulture) + "%"));

    public static string Recipients(BudgetView budget)
    {
        var parts = new List<string>(budget.AlertEmails);
        if (budget.AlertWebhookUrl is { } url)
        {
            parts.Add("webhook " + (Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : url));
        }

        return parts.Count == 0 ? "nobody" : string.Join(", ", parts);
    }

    public static string Usd(decimal usd) => "$" + usd.ToString("#,0.00##", CultureInfo.InvariantCulture);

    public static string Day(DateTime at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string When(DateTime? at) => at is { } t ? t.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "—";

    public static Color DeliveryColour(string status) => status switch
    {
        "sent" => Color.Success,
        "pending" => Color.Warning,
        "failed" => Color.Error,
        _ => Color.Default,
    };
}

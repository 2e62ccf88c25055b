using System.Globalization;
using Platform.Shared.Management;

namespace Platform.Dashboard.Pages.Budgets;

/// <summary>
/// The budget dialog's model: mutable for binding, with <see cref="BudgetInput"/>'s property names
/// so the shared validator's and the operation's errors land on the right field. The scope is a
/// kind and a value here (the input's <c>feature:support</c>), and the lists are typed as text.
/// </summary>
public sealed class BudgetForm
{
    public const string Tenant = "tenant";
    public const string Feature = "feature";
    public const string Key = "key";

    public static readonly IReadOnlyList<string> ScopeKinds = [Tenant, Feature, Key];

    /// <summary>The fields that show their own errors; the kind, period and action are picked from lists, so their errors land on the field next to them.</summary>
    public static readonly IReadOnlyList<string> Fields =
        [nameof(Name), nameof(Scope), nameof(Period), nameof(Start), nameof(End), nameof(LimitUsd), nameof(Action), nameof(DowngradeTier),
         nameof(Thresholds), nameof(AlertEmails), nameof(AlertWebhookUrl)];

    public string Name { get; set; } = "";

    public string ScopeKind { get; set; } = Tenant;

    /// <summary>The feature or API key name; unused for a tenant budget.</summary>
    public string Scope { get; set; } = "";

    public string Period { get; set; } = "month";

    public DateTime? Start { get; set; }

    public DateTime? End { get; set; }

    public decimal LimitUsd { get; set; }

    public string Action { get; set; } = "soft";

    public string DowngradeTier { get; set; } = "";

    /// <summary>Comma- or space-separated percentages, e.g. <c>50, 80, 100</c>.</summary>
    public string Thresholds { get; set; } = "50, 80, 100";

    /// <summary>Comma- or space-separated e-mail addresses.</summary>
    public string AlertEmails { get; set; } = "";

    public string AlertWebhookUrl { get; set; } = "";

    public static BudgetForm From(BudgetView budget)
    {
        var (kind, value) = budget.Scope.Split(':', 2) is [var k, var v] ? (k, v) : (Tenant, "");
        return new BudgetForm
        {
            Name = budget.Name,
            ScopeKind = kind,
            Scope = value,
            Period = budget.Period,
            Start = budget.Start,
            End = budget.End,
            LimitUsd = budget.LimitUsd,
            Action = budget.Action,
            DowngradeTier = budget.DowngradeTier ?? "",
            Thresholds = string.Join(", ", budget.Thresholds),
            AlertEmails = string.Join(", ", budget.AlertEmails),
            AlertWebhookUrl = budget.AlertWebhookUrl ?? "",
        };
    }

    /// <summary>
    /// Exactly what the submit sends. Fields that do not apply (a start outside a custom period, a
    /// tier without downgrade) are dropped rather than refused: the form hides them, so the user could not clear them.
    /// </summary>
    public BudgetInput ToInput()
    {
        var custom = Period == "custom";
        return new BudgetInput
        {
            Name = Name.Trim(),
            Scope = ScopeKind == Tenant ? Tenant : $"{ScopeKind}:{Scope.Trim()}",
            Period = Period,
            Start = custom ? Utc(Start) : null,
            End = custom ? Utc(End) : null,
            LimitUsd = LimitUsd,
            Action = Action,
            DowngradeTier = Action == "downgrade" ? DowngradeTier.Trim() : null,
            Thresholds = [.. List(Thresholds).Select(Percent)],
            AlertEmails = List(AlertEmails),
            AlertWebhookUrl = string.IsNullOrWhiteSpace(AlertWebhookUrl) ? null : AlertWebhookUrl.Trim(),
        };
    }

    /// <summary>Text that is not a whole number becomes 0, which the validator refuses with the threshold rule's own message.</summary>
    private static int Percent(string text) =>
        int.TryParse(text.TrimEnd('%'), NumberStyles.None, CultureInfo.InvariantCulture, out var percent) ? percent : 0;

    private static DateTime? Utc(DateTime? day) => day is { } d ? DateTime.SpecifyKind(d.Date, DateTimeKind.Utc) : null;

    private static string[] List(string text) =>
        text.Split([',', ' ', ';', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

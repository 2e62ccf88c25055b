using System.Globalization;
using System.Net;
using Platform.Shared.Mail;

namespace Platform.ControlPlane.Jobs.Alerts;

/// <summary>The alert e-mail: plain text with every number on its own labelled line, and the same as HTML.</summary>
internal static class BudgetAlertEmail
{
    public static EmailMessage To(string recipient, BudgetAlertNotice n)
    {
        var subject = $"Budget \"{n.BudgetName}\" has reached {n.ThresholdPercent}% of its limit";
        var lines = Lines(n);
        var text = string.Join('\n', [
            $"Budget \"{n.BudgetName}\" of {n.TenantName} has reached {n.ThresholdPercent}% of its limit.",
            "",
            .. lines.Select(l => $"{l.Label}: {l.Value}"),
            "",
            Outlook(n),
            "",
            $"Open the budget: {n.DashboardLink}",
            ""]);
        var rows = string.Concat(lines.Select(l => $"<tr><th align=\"left\">{Html(l.Label)}</th><td>{Html(l.Value)}</td></tr>"));
        var html = $"""
            <p>Budget <strong>{Html(n.BudgetName)}</strong> of {Html(n.TenantName)} has reached {n.ThresholdPercent}% of its limit.</p>
            <table>{rows}</table>
            <p>{Html(Outlook(n))}</p>
            <p><a href="{Html(n.DashboardLink)}">Open the budget</a></p>
            """;
        return new EmailMessage(recipient, subject, text, html);
    }

    private static List<(string Label, string Value)> Lines(BudgetAlertNotice n) =>
    [
        ("Threshold", $"{n.ThresholdPercent}%"),
        ("Spent", AlertMoney.Text(n.SpentNanoUsd)),
        ("Limit", AlertMoney.Text(n.LimitNanoUsd)),
        ("Used", $"{AlertMoney.Percent(n.SpentNanoUsd, n.LimitNanoUsd)}%"),
        ("Period", $"{n.Period}, {Time(n.PeriodStart)} to {Time(n.PeriodEnd)}"),
    ];

    private static string Outlook(BudgetAlertNotice n) => n switch
    {
        { ForecastRunOutAt: { } at } => $"At the current rate this budget runs out on {Time(at)}.",
        _ when n.SpentNanoUsd >= n.LimitNanoUsd => "The limit is reached.",
        _ => "At the current rate this budget lasts until the period ends.",
    };

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Html(string text) => WebUtility.HtmlEncode(text);
}

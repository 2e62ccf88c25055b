namespace Platform.Shared.Management;

/// <summary>A budget and its alert rule, in the words of the config format.</summary>
public sealed record BudgetView(
    Guid Id,
    string Name,
    string Scope,
    string Period,
    DateTime? Start,
    DateTime? End,
    decimal LimitUsd,
    string Action,
    string? DowngradeTier,
    IReadOnlyList<int> Thresholds,
    IReadOnlyList<string> AlertEmails,
    string? AlertWebhookUrl,
    DateTime CreatedAt,
    DateTime UpdatedAt);

/// <summary>
/// A threshold crossed in a period (once per threshold per period), with the numbers it was raised
/// with and how its e-mail and webhook went. A status is <c>sent</c>, <c>pending</c> (retried on
/// the job's next run), <c>failed</c> (given up: the period ended or the webhook's tries ran out)
/// or <c>none</c> (the budget has no recipients or no webhook). <see cref="LastError"/> is the last
/// failure of either channel. <see cref="BudgetName"/> is null once the budget is deleted.
/// </summary>
public sealed record BudgetAlertView(
    Guid Id,
    Guid BudgetId,
    string? BudgetName,
    DateTime PeriodStart,
    int ThresholdPercent,
    decimal SpentUsd,
    decimal LimitUsd,
    DateTime? ForecastRunOutAt,
    string EmailStatus,
    DateTime? EmailSentAt,
    string WebhookStatus,
    DateTime? WebhookSentAt,
    int WebhookAttempts,
    string? LastError,
    DateTime CreatedAt);

public sealed record BudgetInput
{
    public string Name { get; init; } = "";

    /// <summary><c>tenant</c>, <c>feature:&lt;name&gt;</c> or <c>key:&lt;api key name&gt;</c>.</summary>
    public string Scope { get; init; } = "tenant";

    /// <summary><c>day</c>, <c>week</c>, <c>month</c> or <c>custom</c> (with <see cref="Start"/> and <see cref="End"/>).</summary>
    public string Period { get; init; } = "month";

    public DateTime? Start { get; init; }

    public DateTime? End { get; init; }

    public decimal LimitUsd { get; init; }

    /// <summary><c>hard</c>, <c>soft</c> or <c>downgrade</c> (with <see cref="DowngradeTier"/>).</summary>
    public string Action { get; init; } = "hard";

    public string? DowngradeTier { get; init; }

    /// <summary>Percentages of the limit that raise an alert, e.g. 50, 80, 100.</summary>
    public IReadOnlyList<int> Thresholds { get; init; } = [];

    public IReadOnlyList<string> AlertEmails { get; init; } = [];

    public string? AlertWebhookUrl { get; init; }
}

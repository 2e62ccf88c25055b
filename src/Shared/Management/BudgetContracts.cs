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

/// <summary>A page of the budget list: name contains <see cref="Name"/>, <see cref="Scope"/> one of <see cref="Scopes"/> (or all).</summary>
public sealed record BudgetQuery(string? Name = null, string? Scope = null, int? Page = null, int? PageSize = null)
{
    public static readonly IReadOnlyList<string> Scopes = ["tenant", "feature", "key"];
}

/// <summary>
/// What a budget's current period has spent so far, exact and priced at call time (the alert job's
/// numbers), and when the limit would be reached at the period's rate so far (null: not before the
/// period ends, nothing spent yet, or already reached).
/// </summary>
public sealed record BudgetSpendView(DateTime PeriodStart, DateTime PeriodEnd, decimal SpentUsd, DateTime? ForecastRunOutAt);

/// <summary>A budget with its current period's spend; <see cref="Spend"/> is null outside its period (a custom period not begun or over).</summary>
public sealed record BudgetProgressView(BudgetView Budget, BudgetSpendView? Spend);

/// <summary>
/// A page of the tenant's alert history, newest first: raised in [<see cref="From"/>, <see cref="To"/>),
/// of one budget (<see cref="BudgetId"/>, a deleted budget's too) or all.
/// </summary>
public sealed record AlertQuery(DateTime? From = null, DateTime? To = null, Guid? BudgetId = null, int? Page = null, int? PageSize = null);

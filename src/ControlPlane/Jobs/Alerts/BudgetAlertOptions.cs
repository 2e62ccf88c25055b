namespace Platform.ControlPlane.Jobs.Alerts;

/// <summary>Section <c>Jobs:BudgetAlerts</c>: how alert webhooks are tried and retried.</summary>
internal sealed record BudgetAlertOptions
{
    public const string Section = "Jobs:BudgetAlerts";

    /// <summary>Tries of one alert's webhook within one run of the job: the first and its quick retries.</summary>
    public int WebhookTriesPerRun { get; init; } = 3;

    /// <summary>The delay before the first quick retry; each next one doubles, with jitter.</summary>
    public TimeSpan WebhookRetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Tries of one alert's webhook over all runs; then it is given up (the alert history says so).</summary>
    public int WebhookMaxAttempts { get; init; } = 10;

    /// <summary>How long one try waits for the receiver's answer: it should acknowledge at once and work later.</summary>
    public TimeSpan WebhookTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (WebhookTriesPerRun < 1 || WebhookMaxAttempts < 1)
        {
            errors.Add($"{Section}:WebhookTriesPerRun and {Section}:WebhookMaxAttempts must be at least 1.");
        }

        if (WebhookRetryDelay < TimeSpan.Zero || WebhookRetryDelay > TimeSpan.FromDays(1))
        {
            errors.Add($"{Section}:WebhookRetryDelay must be from 0 to one day.");
        }

        if (WebhookTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{Section}:WebhookTimeout must be positive.");
        }

        return errors;
    }
}

namespace Platform.DataPlane.Budgets;

/// <summary>Section <c>DataPlane:Budgets</c>.</summary>
internal sealed record BudgetOptions
{
    public const string Section = "DataPlane:Budgets";

    /// <summary>
    /// How often the spend of the other data-plane processes is read again from the usage events:
    /// with the writers' batching, how late one process sees another's spend.
    /// </summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long the first call of a budget period waits for that spend; past it the call goes on with what is known.</summary>
    public TimeSpan LoadTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>A budget period unused this long is no longer refreshed; its next call loads it again.</summary>
    public TimeSpan IdleAfter { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Output tokens reserved for a call when neither the request nor the model sets a maximum.</summary>
    public int DefaultMaxOutputTokens { get; init; } = 4096;
}

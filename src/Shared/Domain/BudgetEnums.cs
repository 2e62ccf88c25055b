namespace Platform.Shared.Domain;

public enum BudgetScope
{
    Tenant = 0,
    Feature = 1,
    ApiKey = 2,
}

public enum BudgetPeriod
{
    Day = 0,
    Week = 1,
    Month = 2,
    Custom = 3,
}

public enum BudgetAction
{
    /// <summary>Reject calls with <c>budget_exceeded</c> once the limit is reached.</summary>
    Hard = 0,

    /// <summary>Allow, and warn in a response header.</summary>
    Soft = 1,

    /// <summary>Route to a cheaper tier once a threshold is crossed.</summary>
    Downgrade = 2,
}

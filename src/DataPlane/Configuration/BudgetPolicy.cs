using Platform.Shared.Domain;

namespace Platform.DataPlane.Configuration;

internal sealed record BudgetPolicy(
    Guid Id,
    string Name,
    BudgetScope Scope,
    string? ScopeValue,
    BudgetPeriod Period,
    DateTime? CustomStart,
    DateTime? CustomEnd,
    decimal LimitUsd,
    BudgetAction Action,
    string? DowngradeTier,
    IReadOnlyList<int> ThresholdsPercent);

namespace Platform.DataPlane.Budgets;

/// <summary>One period of a budget, UTC, start inclusive and end exclusive.</summary>
internal readonly record struct BudgetWindow(DateTime Start, DateTime End);

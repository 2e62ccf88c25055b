using Platform.DataPlane.Configuration;

namespace Platform.DataPlane.Budgets;

/// <summary>
/// One budget that counts a call: the budget as the call's own snapshot has it (its action and
/// limit judge the call, even if a reload lands meanwhile) and the period entry it spends in.
/// </summary>
internal readonly record struct BudgetUse(BudgetPolicy Budget, BudgetEntry Entry)
{
    public long LimitNanoUsd => BudgetMoney.Nano(Budget.LimitUsd);
}

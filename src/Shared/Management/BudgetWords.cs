using Platform.Shared.Config;
using Platform.Shared.Domain;

namespace Platform.Shared.Management;

/// <summary>Budget words of the config format (<c>tenant</c>, <c>feature:x</c>, <c>key:x</c>; periods; actions) to and from the domain.</summary>
public static class BudgetWords
{
    public static bool TryParseScope(string? text, out BudgetScope scope, out string? value)
    {
        (scope, value) = (BudgetScope.Tenant, null);
        if (text == ConfigVocabulary.BudgetScopeTenant)
        {
            return true;
        }

        foreach (var (prefix, kind) in new[] { (ConfigVocabulary.BudgetScopeFeature, BudgetScope.Feature), (ConfigVocabulary.BudgetScopeKey, BudgetScope.ApiKey) })
        {
            if (text is not null && text.StartsWith(prefix, StringComparison.Ordinal) && text.Length > prefix.Length)
            {
                (scope, value) = (kind, text[prefix.Length..]);
                return true;
            }
        }

        return false;
    }

    /// <summary>For input already validated: an unknown scope throws.</summary>
    public static (BudgetScope Scope, string? Value) ParseScope(string text) =>
        TryParseScope(text, out var scope, out var value) ? (scope, value) : throw new ArgumentException($"Unknown scope '{text}'.", nameof(text));

    public static string Scope(BudgetScope scope, string? value) => BudgetSync.ScopeText(scope, value);

    public static string Period(BudgetPeriod period) => ConfigVocabulary.Periods.NameOf(period);

    public static BudgetPeriod ParsePeriod(string text) => ConfigVocabulary.Periods.TryParse(text, out var p) ? p : throw new ArgumentException($"Unknown period '{text}'.", nameof(text));

    public static string Action(BudgetAction action) => ConfigVocabulary.Actions.NameOf(action);

    public static BudgetAction ParseAction(string text) => ConfigVocabulary.Actions.TryParse(text, out var a) ? a : throw new ArgumentException($"Unknown action '{text}'.", nameof(text));
}

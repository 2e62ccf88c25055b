using System.Globalization;
using Platform.Shared.Domain;
using YamlDotNet.RepresentationModel;

namespace Platform.Shared.Config;

internal static class BudgetReader
{
    public static BudgetConfig? Read(ParseContext context, YamlNode node, TenantNames names)
    {
        var map = YamlMap.From(context, node, "budget",
            "name", "scope", "period", "start", "end", "limitUsd", "action", "downgradeTier", "thresholds", "alertEmails", "alertWebhookUrl");
        if (map is null)
        {
            return null;
        }

        var name = Rules.Name(map, "budget");
        var (scope, scopeValue) = Scope(map);
        var budget = new BudgetConfig
        {
            Name = name ?? "",
            Scope = scope,
            ScopeValue = scopeValue,
            Period = map.Enum("period", ConfigVocabulary.Periods) ?? BudgetPeriod.Month,
            Start = map.Timestamp("start"),
            End = map.Timestamp("end"),
            LimitUsd = map.Decimal("limitUsd", 0, required: true) ?? 0,
            Action = map.Enum("action", ConfigVocabulary.Actions) ?? BudgetAction.Hard,
            DowngradeTier = map.String("downgradeTier"),
            Thresholds = Thresholds(context, map),
            AlertEmails = map.Strings("alertEmails", (item, email) => Rules.IsEmail(email) || Fail(context, item, $"'{email}' is not an email address")),
            AlertWebhookUrl = Rules.Url(map, "alertWebhookUrl"),
            Location = map.Location,
        };
        CheckPeriod(map, budget);
        CheckAction(map, budget, names);
        return name is not null && names.Declare("budget", name, map["name"]!) ? budget : null;
    }

    /// <summary><c>tenant</c>, <c>feature:&lt;name&gt;</c> or <c>key:&lt;api key name&gt;</c>.</summary>
    private static (BudgetScope Scope, string? Value) Scope(YamlMap map)
    {
        var text = map.String("scope") ?? ConfigVocabulary.BudgetScopeTenant;
        if (text == ConfigVocabulary.BudgetScopeTenant)
        {
            return (BudgetScope.Tenant, null);
        }

        foreach (var (prefix, scope) in new[] { (ConfigVocabulary.BudgetScopeFeature, BudgetScope.Feature), (ConfigVocabulary.BudgetScopeKey, BudgetScope.ApiKey) })
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal) && text.Length > prefix.Length)
            {
                return (scope, text[prefix.Length..]);
            }
        }

        map.Error("scope", $"'{text}' is not a valid scope (expected 'tenant', 'feature:<name>' or 'key:<api key name>')");
        return (BudgetScope.Tenant, null);
    }

    private static List<int> Thresholds(ParseContext context, YamlMap map)
    {
        var thresholds = new List<int>();
        foreach (var item in map.Items("thresholds"))
        {
            var text = context.Text(item, "thresholds");
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var percent) || percent is < 1 or > 1000)
            {
                context.Error(item, $"threshold '{text}' must be a percentage between 1 and 1000");
            }
            else if (thresholds.Contains(percent))
            {
                context.Error(item, $"threshold {percent} is listed twice");
            }
            else
            {
                thresholds.Add(percent);
            }
        }

        return thresholds;
    }

    private static void CheckPeriod(YamlMap map, BudgetConfig budget)
    {
        if (budget.Period == BudgetPeriod.Custom && (budget.Start is null || budget.End is null))
        {
            map.Error("period", "period 'custom' needs 'start' and 'end'");
        }
        else if (budget.Period != BudgetPeriod.Custom && (budget.Start is not null || budget.End is not null))
        {
            map.Error(budget.Start is null ? "end" : "start", "'start' and 'end' apply only to period 'custom'");
        }
        else if (budget.Start >= budget.End)
        {
            map.Error("end", "'end' must be after 'start'");
        }

        if (budget.LimitUsd == 0 && map.Has("limitUsd"))
        {
            map.Error("limitUsd", "'limitUsd' must be more than 0");
        }
    }

    private static void CheckAction(YamlMap map, BudgetConfig budget, TenantNames names)
    {
        if (budget.Action == BudgetAction.Downgrade && budget.DowngradeTier is null)
        {
            map.Error("action", "action 'downgrade' needs a 'downgradeTier'");
        }
        else if (budget.Action != BudgetAction.Downgrade && budget.DowngradeTier is not null)
        {
            map.Error("downgradeTier", "'downgradeTier' applies only to action 'downgrade'");
        }
        else if (budget.DowngradeTier is { } tier)
        {
            names.Refer(TenantNames.Tier, tier, map["downgradeTier"]!, $"budget '{budget.Name}' downgrades to unknown tier '{tier}'");
        }
    }

    private static bool Fail(ParseContext context, YamlNode node, string message)
    {
        context.Error(node, message);
        return false;
    }
}

using FluentValidation;
using Platform.Shared.Config;

namespace Platform.Shared.Management;

/// <summary>
/// The config parser's budget rules (<c>BudgetReader</c>) for the API and the dashboard. Whether the
/// downgrade tier and the scoped key exist needs the database: the endpoint checks those.
/// </summary>
public sealed class BudgetInputValidator : AbstractValidator<BudgetInput>
{
    public BudgetInputValidator()
    {
        RuleFor(b => b.Name).Must(Rules.IsName)
            .WithMessage("Name may use only letters, digits, '.', '_' and '-' (at most 100), starting with a letter or digit.");
        RuleFor(b => b.Scope).Must(s => BudgetWords.TryParseScope(s, out _, out _))
            .WithMessage(b => $"'{b.Scope}' is not a valid scope (use 'tenant', 'feature:<name>' or 'key:<api key name>').");
        RuleFor(b => b.Period).Must(p => ConfigVocabulary.Periods.TryParse(p, out _))
            .WithMessage(b => $"'{b.Period}' is not a valid period (use {string.Join(", ", ConfigVocabulary.Periods.Names)}).");
        RuleFor(b => b.Start).NotNull().When(IsCustom).WithMessage("Period 'custom' needs a start.");
        RuleFor(b => b.End).NotNull().When(IsCustom).WithMessage("Period 'custom' needs an end.");
        RuleFor(b => b.End).GreaterThan(b => b.Start).When(b => IsCustom(b) && b.Start is not null && b.End is not null)
            .WithMessage("The end must be after the start.");
        RuleFor(b => b.Start).Null().When(b => !IsCustom(b)).WithMessage("A start applies only to period 'custom'.");
        RuleFor(b => b.End).Null().When(b => !IsCustom(b)).WithMessage("An end applies only to period 'custom'.");
        RuleFor(b => b.LimitUsd).GreaterThan(0);
        RuleFor(b => b.Action).Must(a => ConfigVocabulary.Actions.TryParse(a, out _))
            .WithMessage(b => $"'{b.Action}' is not a valid action (use {string.Join(", ", ConfigVocabulary.Actions.Names)}).");
        RuleFor(b => b.DowngradeTier).NotEmpty().When(b => b.Action == "downgrade").WithMessage("Action 'downgrade' needs a downgradeTier.");
        RuleFor(b => b.DowngradeTier).Null().When(b => b.Action != "downgrade").WithMessage("A downgradeTier applies only to action 'downgrade'.");
        RuleForEach(b => b.Thresholds).InclusiveBetween(1, 1000).WithMessage("A threshold is a percentage from 1 to 1000.");
        RuleFor(b => b.Thresholds).Must(t => t.Distinct().Count() == t.Count).WithMessage("A threshold is listed twice.");
        RuleForEach(b => b.AlertEmails).Must(Rules.IsEmail).WithMessage((_, e) => $"'{e}' is not an email address.");
        RuleFor(b => b.AlertWebhookUrl).Must(u => Rules.IsHttpUrl(u!)).When(b => b.AlertWebhookUrl is not null)
            .WithMessage("The webhook URL must be an absolute http or https URL.");
    }

    private static bool IsCustom(BudgetInput b) => b.Period == "custom";
}

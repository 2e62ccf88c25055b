using FluentValidation;
using Platform.Shared.Config;

namespace Platform.Shared.Management;

public sealed record TierView(Guid Id, string Name, string? Description, IReadOnlyList<WeightedModelView> Models, DateTime CreatedAt);

/// <summary>Create or replace a tier: its models in priority order, the first first.</summary>
public sealed record TierInput
{
    public string Name { get; init; } = "";

    public string? Description { get; init; }

    public IReadOnlyList<WeightedModelInput> Models { get; init; } = [];
}

public sealed class TierInputValidator : AbstractValidator<TierInput>
{
    public TierInputValidator()
    {
        RuleFor(t => t.Name).NotEmpty().Must(Rules.IsName).WithMessage(PolicyRules.NameMessage("Tier"));
        RuleFor(t => t.Description).MaximumLength(1000);
        RuleFor(t => t.Models).NotEmpty().WithMessage("A tier needs at least one model.");
        this.ModelList(t => t.Models);
    }
}

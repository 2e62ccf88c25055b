using FluentValidation;
using Platform.Shared.Config;

namespace Platform.Shared.Management;

/// <summary>A catalog model as the management API shows it.</summary>
public sealed record ModelView(
    Guid Id,
    string Name,
    string Provider,
    Guid ProviderId,
    string UpstreamId,
    int ContextWindow,
    int MaxOutputTokens,
    IReadOnlyList<string> Capabilities,
    ModelPrices Prices,
    string? Region,
    bool ApprovedForCustomerFacing,
    bool Enabled,
    DateTime CreatedAt);

/// <summary>USD per one million tokens.</summary>
public sealed record ModelPrices(decimal Input, decimal Output, decimal CachedInput);

/// <summary>One row of a model's price history: the prices in force from <see cref="EffectiveFrom"/> until the next row.</summary>
public sealed record ModelPriceView(DateTime EffectiveFrom, decimal Input, decimal Output, decimal CachedInput);

/// <summary>USD per one million tokens; <see cref="CachedInput"/> defaults to <see cref="Input"/>, as in config files.</summary>
public sealed record ModelPricesInput(decimal Input, decimal Output, decimal? CachedInput = null);

/// <summary>
/// Create or replace a catalog model. <see cref="Provider"/> defaults to the part of the name before
/// the '/', <see cref="UpstreamId"/> to the part after it.
/// </summary>
public sealed record ModelInput
{
    public string Name { get; init; } = "";

    public string? Provider { get; init; }

    public string? UpstreamId { get; init; }

    public int ContextWindow { get; init; }

    /// <summary>0 when it does not apply (embeddings) or is unknown.</summary>
    public int MaxOutputTokens { get; init; }

    /// <summary><c>streaming</c>, <c>tools</c>, <c>jsonSchema</c>, <c>vision</c>, <c>embeddings</c>.</summary>
    public IReadOnlyList<string> Capabilities { get; init; } = [];

    public ModelPricesInput? Prices { get; init; }

    public string? Region { get; init; }

    public bool ApprovedForCustomerFacing { get; init; }

    public bool Enabled { get; init; } = true;
}

public sealed class ModelInputValidator : AbstractValidator<ModelInput>
{
    public ModelInputValidator()
    {
        RuleFor(m => m.Name).NotEmpty().MaximumLength(200).Must(ModelNames.IsConcrete)
            .WithMessage((_, n) => $"Model name '{n}' must read '<provider>/<model>' without spaces.");
        RuleFor(m => m.Provider).Must((m, p) => p == ModelNames.ProviderOf(m.Name))
            .When(m => m.Provider is not null && ModelNames.IsConcrete(m.Name))
            .WithMessage((m, p) => $"Model '{m.Name}' must be named after its provider: '{p}/{ModelNames.ModelOf(m.Name)}'.");
        RuleFor(m => m.UpstreamId).NotEmpty().MaximumLength(200).When(m => m.UpstreamId is not null);
        RuleFor(m => m.ContextWindow).GreaterThanOrEqualTo(1);
        RuleFor(m => m.MaxOutputTokens).GreaterThanOrEqualTo(0);
        RuleFor(m => m.MaxOutputTokens).LessThanOrEqualTo(m => m.ContextWindow).When(m => m.ContextWindow >= 1)
            .WithMessage(m => $"'maxOutputTokens' ({m.MaxOutputTokens}) cannot exceed 'contextWindow' ({m.ContextWindow}).");
        RuleForEach(m => m.Capabilities).Must(c => ConfigVocabulary.Capabilities.TryParse(c, out _))
            .WithMessage((_, c) => PolicyRules.NotOneOf("capability", c, ConfigVocabulary.Capabilities.Names));
        RuleFor(m => m.Prices).NotNull().WithMessage("Prices are required: { input, output, cachedInput } in USD per 1M tokens.");
        RuleFor(m => m.Prices!.Input).GreaterThanOrEqualTo(0).When(m => m.Prices is not null);
        RuleFor(m => m.Prices!.Output).GreaterThanOrEqualTo(0).When(m => m.Prices is not null);
        RuleFor(m => m.Prices!.CachedInput).GreaterThanOrEqualTo(0).When(m => m.Prices?.CachedInput is not null);
        RuleFor(m => m.Region).Must(PolicyRules.IsRegion).When(m => m.Region is not null).WithMessage(PolicyRules.RegionMessage);
    }
}

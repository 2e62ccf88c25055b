using FluentValidation;
using Platform.Shared.Config;

namespace Platform.Shared.Management;

/// <summary>What the management API shows of a provider: whether a credential is set, never the credential.</summary>
public sealed record ProviderView(
    Guid Id,
    string Name,
    string Kind,
    string BaseUrl,
    bool HasCredential,
    string? Region,
    bool Private,
    bool Enabled,
    DateTime CreatedAt);

/// <summary>Create or replace a provider. <see cref="Credential"/> is write-only; null on update keeps the stored one.</summary>
public sealed record ProviderInput
{
    public string Name { get; init; } = "";

    /// <summary><c>openai-compatible</c>, <c>anthropic</c>, <c>gemini</c> or <c>simulator</c>.</summary>
    public string Kind { get; init; } = "";

    public string BaseUrl { get; init; } = "";

    public string? Credential { get; init; }

    public string? Region { get; init; }

    public bool Private { get; init; }

    public bool Enabled { get; init; } = true;
}

/// <summary>The answer to "test connection": a real call to the provider's model list.</summary>
public sealed record ProviderTestResult(bool Ok, int? Status, long LatencyMs, string? Error);

public sealed class ProviderInputValidator : AbstractValidator<ProviderInput>
{
    public ProviderInputValidator()
    {
        RuleFor(p => p.Name).NotEmpty().Must(Rules.IsName).WithMessage(PolicyRules.NameMessage("Provider"));
        RuleFor(p => p.Kind).Must(k => ConfigVocabulary.ProviderKinds.TryParse(k, out _))
            .WithMessage((_, k) => PolicyRules.NotOneOf("provider kind", k, ConfigVocabulary.ProviderKinds.Names));
        RuleFor(p => p.BaseUrl).Must(Rules.IsHttpUrl).WithMessage("Base URL must be an absolute http or https URL.");
        RuleFor(p => p.Credential).NotEmpty().WithMessage("Credential, when given, must not be empty; leave it out to keep the stored one.")
            .MaximumLength(PolicyRules.MaxCredentialLength).When(p => p.Credential is not null);
        RuleFor(p => p.Region).Must(PolicyRules.IsRegion).When(p => p.Region is not null).WithMessage(PolicyRules.RegionMessage);
    }
}

using FluentValidation;
using Platform.Shared.Config;

namespace Platform.Shared.Management;

/// <summary>
/// A sample request for the routing dry run: what the data plane would be asked, without the
/// messages (the token count stands in for them).
/// </summary>
public sealed record DryRunInput
{
    /// <summary>As a caller writes <c>model</c>: <c>route:&lt;name&gt;</c>, <c>tier:&lt;name&gt;</c>, <c>provider/model</c>, or a bare route or model name.</summary>
    public string Model { get; init; } = "";

    /// <summary>The name of an API key whose allowed routes and models apply; none for no key limits.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Estimated input tokens of the request.</summary>
    public int InputTokens { get; init; }

    /// <summary>The request's <c>max_tokens</c>; when absent, 256 is planned for (as the data plane does).</summary>
    public int? MaxTokens { get; init; }

    public bool Stream { get; init; }

    public bool Tools { get; init; }

    public bool JsonSchema { get; init; }

    public bool Vision { get; init; }

    public bool Embeddings { get; init; }

    /// <summary>The call's region constraint (the <c>x-platform-region</c> header).</summary>
    public string? Region { get; init; }

    /// <summary>The call's sensitivity: <c>none</c>, <c>redact</c> or <c>privateOnly</c>.</summary>
    public string? Sensitivity { get; init; }

    public bool CustomerFacing { get; init; }
}

/// <summary>One candidate as the dry run sees it: eligible with its place in the order, or excluded with every reason.</summary>
public sealed record DryRunCandidate(
    string Model,
    string Provider,
    int Priority,
    int Weight,
    bool Eligible,
    int? Order,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> Explanations,
    decimal EstimatedCostUsd);

/// <summary>
/// What a request would get: the route, tier or model it resolves to, its strategy and fallback
/// policy, and every candidate with why it is in or out. <see cref="WouldServe"/> is false when
/// no candidate is left or the key may not use the target; <see cref="Summary"/> says what happens.
/// </summary>
public sealed record DryRunResult(
    string Kind,
    string Name,
    string? Tier,
    string Strategy,
    string? FallbackPolicy,
    int? HedgeAfterMs,
    bool WouldServe,
    string Summary,
    IReadOnlyList<DryRunCandidate> Candidates,
    IReadOnlyList<string> Notes);

public sealed class DryRunInputValidator : AbstractValidator<DryRunInput>
{
    public DryRunInputValidator()
    {
        RuleFor(x => x.Model).NotEmpty().MaximumLength(300);
        RuleFor(x => x.ApiKey).MaximumLength(100);
        RuleFor(x => x.InputTokens).InclusiveBetween(0, 10_000_000);
        RuleFor(x => x.MaxTokens).InclusiveBetween(1, 10_000_000).When(x => x.MaxTokens is not null);
        RuleFor(x => x.Region).MaximumLength(64);
        RuleFor(x => x.Sensitivity)
            .Must(s => s is null || ConfigVocabulary.Sensitivities.TryParse(s, out _))
            .WithMessage($"Use one of: {string.Join(", ", ConfigVocabulary.Sensitivities.Names)}.");
    }
}

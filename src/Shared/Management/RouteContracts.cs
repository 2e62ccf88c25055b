using FluentValidation;
using Platform.Shared.Config;

namespace Platform.Shared.Management;

/// <summary>A task route as the management API shows it; the same shape as its config-file section.</summary>
public sealed record RouteView(
    Guid Id,
    string Name,
    string? Description,
    string? Tier,
    IReadOnlyList<WeightedModelView> Candidates,
    string Strategy,
    int? HedgeAfterMs,
    string? FallbackPolicy,
    RouteConstraints Constraints,
    RoutePrompt? Prompt,
    RouteCache Cache,
    DateTime CreatedAt);

/// <summary>
/// Who may serve the route: models in <see cref="Region"/> (<c>eu</c> admits <c>eu-west-1</c>),
/// approved for customer-facing traffic, and for <see cref="Sensitivity"/> <c>privateOnly</c> a
/// private or in-region provider.
/// </summary>
public sealed record RouteConstraints(string? Region = null, bool CustomerFacing = false, string Sensitivity = "none");

/// <summary>The stored prompt the route uses when a call names none; <see cref="Label"/> defaults to production.</summary>
public sealed record RoutePrompt(string Name, string? Label = null);

public sealed record RouteCache(bool Enabled = false, int? TtlSeconds = null);

/// <summary>Create or replace a task route: exactly one of <see cref="Tier"/> or <see cref="Candidates"/>.</summary>
public sealed record RouteInput
{
    public string Name { get; init; } = "";

    public string? Description { get; init; }

    public string? Tier { get; init; }

    public IReadOnlyList<WeightedModelInput> Candidates { get; init; } = [];

    /// <summary><c>priority</c>, <c>weighted</c>, <c>leastLatency</c>, <c>leastCost</c> or <c>hedged</c>.</summary>
    public string Strategy { get; init; } = "priority";

    /// <summary>For <c>hedged</c> only: start the next candidate after this many ms.</summary>
    public int? HedgeAfterMs { get; init; }

    public string? FallbackPolicy { get; init; }

    public RouteConstraints Constraints { get; init; } = new();

    public RoutePrompt? Prompt { get; init; }

    public RouteCache Cache { get; init; } = new();
}

public sealed class RouteInputValidator : AbstractValidator<RouteInput>
{
    public RouteInputValidator()
    {
        RuleFor(r => r.Name).NotEmpty().Must(Rules.IsName).WithMessage(PolicyRules.NameMessage("Route"));
        RuleFor(r => r.Description).MaximumLength(1000);
        RuleFor(r => r.Tier).Must(Rules.IsName).When(r => r.Tier is not null).WithMessage(PolicyRules.NameMessage("Tier"));
        RuleFor(r => r.Candidates).Must((r, c) => (r.Tier is null) != (c.Count == 0))
            .WithMessage("A route needs exactly one of 'tier' or 'candidates'.");
        this.ModelList(r => r.Candidates);
        RuleFor(r => r.Strategy).Must(s => ConfigVocabulary.Strategies.TryParse(s, out _))
            .WithMessage((_, s) => PolicyRules.NotOneOf("strategy", s, ConfigVocabulary.Strategies.Names));
        RuleFor(r => r.HedgeAfterMs).GreaterThanOrEqualTo(1).When(r => r.HedgeAfterMs is not null);
        RuleFor(r => r.HedgeAfterMs).Null().When(r => r.Strategy != "hedged").WithMessage("'hedgeAfterMs' applies only to strategy 'hedged'.");
        RuleFor(r => r.FallbackPolicy).Must(Rules.IsName).When(r => r.FallbackPolicy is not null)
            .WithMessage(PolicyRules.NameMessage("Fallback policy"));
        RuleFor(r => r.Constraints).NotNull();
        RuleFor(r => r.Constraints.Region).Must(PolicyRules.IsRegion).When(r => r.Constraints?.Region is not null)
            .WithMessage(PolicyRules.RegionMessage);
        RuleFor(r => r.Constraints.Sensitivity).Must(s => ConfigVocabulary.Sensitivities.TryParse(s, out _)).When(r => r.Constraints is not null)
            .WithMessage((_, s) => PolicyRules.NotOneOf("sensitivity", s, ConfigVocabulary.Sensitivities.Names));
        RuleFor(r => r.Prompt!.Name).NotEmpty().When(r => r.Prompt is not null);
        RuleFor(r => r.Prompt!.Label).NotEmpty().MaximumLength(64).When(r => r.Prompt?.Label is not null);
        RuleFor(r => r.Cache).NotNull();
        RuleFor(r => r.Cache.TtlSeconds).GreaterThanOrEqualTo(1).When(r => r.Cache?.TtlSeconds is not null);
    }
}

/// <summary>A page of routes; each filter is optional.</summary>
/// <param name="Tier">Routes on this tier.</param>
/// <param name="Model">Routes listing this model as a candidate or through their tier.</param>
/// <param name="FallbackPolicy">Routes using this fallback policy.</param>
/// <param name="Name">Part of the name.</param>
public sealed record RouteQuery(
    string? Tier = null, string? Model = null, string? FallbackPolicy = null, string? Name = null, int? Page = null, int? PageSize = null);

using Microsoft.EntityFrameworkCore;
using Platform.Shared.Config;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Management;
using Platform.Shared.Routing;

namespace Platform.ControlPlane.Api;

/// <summary>
/// Answers "which candidates would this request get, and why" from the tenant's saved policy, by
/// the data plane's own rules (<see cref="CandidateRules"/>) and its reference syntax. What only a
/// live data plane knows (circuit state, observed latency, the weighted draw) is named in the
/// notes rather than guessed.
/// </summary>
internal static class RouteDryRun
{
    private const string RoutePrefix = "route:";
    private const string TierPrefix = "tier:";

    /// <returns>The result, or the reason the reference or key resolves to nothing (a 404 for the caller).</returns>
    public static async Task<(DryRunResult? Result, string? NotFound)> RunAsync(PlatformDbContext db, DryRunInput input, CancellationToken ct)
    {
        ApiKey? key = null;
        if (input.ApiKey is { } keyName)
        {
            key = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Name == keyName, ct);
            if (key is null)
            {
                return (null, $"No API key named '{keyName}'.");
            }
        }

        var (target, problem) = await ResolveAsync(db, input.Model, ct);
        if (target is null)
        {
            return (null, problem);
        }

        if (key is not null && KeyRefusal(key, target) is { } refusal)
        {
            return (Refused(target, refusal), null);
        }

        return (Plan(target, key, input), null);
    }

    private static DryRunResult Plan(Target target, ApiKey? key, DryRunInput input)
    {
        var sensitivity = input.Sensitivity is { } s ? ConfigVocabulary.Sensitivities.Parse(s) : Sensitivity.None;
        var expectedOutput = CandidateDemand.ExpectedOutputTokens(input.MaxTokens, input.Embeddings);
        var demand = new CandidateDemand
        {
            AllowedModels = key is { AllowedModels.Count: > 0 } ? new HashSet<string>(key.AllowedModels, StringComparer.Ordinal) : null,
            RouteRegion = target.Route?.RequiredRegion,
            CallRegion = input.Region,
            PrivateOnly = target.Route?.Sensitivity == Sensitivity.PrivateOnly || sensitivity == Sensitivity.PrivateOnly,
            CustomerFacing = target.Route?.CustomerFacing == true || input.CustomerFacing,
            RequiredCapabilities = Capabilities(input),
            ContextTokens = (long)input.InputTokens + expectedOutput,
            MaxOutputTokens = input.MaxTokens,
        };

        var evaluated = target.Candidates
            .Select(c => (Candidate: c, Reasons: CandidateRules.Evaluate(Facts(c.Model), demand), Cost: Cost(c.Model, input.InputTokens, expectedOutput)))
            .ToList();
        var eligible = evaluated.Where(e => e.Reasons == ExclusionReason.None).ToList();
        if (target.Strategy == RoutingStrategy.LeastCost)
        {
            eligible = [.. eligible.OrderBy(e => e.Cost)];
        }

        var order = eligible.Select((e, i) => (e.Candidate, Position: i + 1)).ToDictionary(p => p.Candidate, p => p.Position);
        var candidates = evaluated.Select(e => new DryRunCandidate(
            e.Candidate.Model.Name,
            e.Candidate.Model.Provider?.Name ?? "",
            e.Candidate.Priority,
            e.Candidate.Weight,
            e.Reasons == ExclusionReason.None,
            order.TryGetValue(e.Candidate, out var position) ? position : null,
            ExclusionReasons.CodesOf(e.Reasons),
            [.. Split(e.Reasons).Select(r => $"{e.Candidate.Model.Name} {ExclusionReasons.Failure(r)}")],
            e.Cost)).ToList();

        var summary = eligible.Count == 0
            ? $"No candidate of {target.Label} can serve this request: {string.Join("; ", candidates.SelectMany(c => c.Explanations))}."
            : $"{target.Label} would try {string.Join(", then ", eligible.Select(e => e.Candidate.Model.Name))}.";
        return new DryRunResult(
            target.Kind, target.Name, target.TierName, ConfigVocabulary.Strategies.NameOf(target.Strategy), target.Route?.FallbackPolicy?.Name,
            target.Strategy == RoutingStrategy.Hedged ? target.Route?.HedgeAfterMs : null,
            eligible.Count > 0, summary, candidates, Notes(target.Strategy));
    }

    private static List<string> Notes(RoutingStrategy strategy)
    {
        var notes = new List<string>
        {
            "Circuit state and observed latency live in each data plane and are not evaluated here: an open circuit or a max-latency limit can still exclude a candidate at call time.",
        };
        notes.Add(strategy switch
        {
            RoutingStrategy.Weighted => "Weighted: each call draws the order at random in proportion to the weights; shown in priority order.",
            RoutingStrategy.LeastLatency => "Least latency: each call orders by the latency the data plane has observed; shown in priority order.",
            RoutingStrategy.LeastCost => "Least cost: ordered by the estimated cost of this request at current prices.",
            RoutingStrategy.Hedged => "Hedged: the second candidate starts if the first has not answered within the hedge delay.",
            _ => "Priority: candidates are tried in priority order.",
        });
        return notes;
    }

    private static DryRunResult Refused(Target target, string refusal) => new(
        target.Kind, target.Name, target.TierName, ConfigVocabulary.Strategies.NameOf(target.Strategy), target.Route?.FallbackPolicy?.Name,
        null, false, refusal, [], []);

    /// <summary>The key's allowed routes name routes and tiers (<c>tier:x</c>); its allowed models limit every target.</summary>
    private static string? KeyRefusal(ApiKey key, Target target) => target.Kind switch
    {
        "route" when key.AllowedRoutes.Count > 0 && !key.AllowedRoutes.Contains(target.Name) =>
            $"API key '{key.Name}' may not use route '{target.Name}'.",
        "tier" when key.AllowedRoutes.Count > 0 && !key.AllowedRoutes.Contains(TierPrefix + target.Name) =>
            $"API key '{key.Name}' may not use tier '{target.Name}'.",
        "model" when key.AllowedModels.Count > 0 && !key.AllowedModels.Contains(target.Name) =>
            $"API key '{key.Name}' may not use model '{target.Name}'.",
        _ => null,
    };

    /// <summary>The data plane's reference syntax (see its <c>ModelReference</c>), against the saved catalog.</summary>
    private static async Task<(Target? Target, string? Problem)> ResolveAsync(PlatformDbContext db, string model, CancellationToken ct)
    {
        if (model.StartsWith(RoutePrefix, StringComparison.OrdinalIgnoreCase))
        {
            var name = model[RoutePrefix.Length..];
            return await RouteAsync(db, name, ct) is { } route ? (route, null) : (null, $"Route '{name}' does not exist.");
        }

        if (model.StartsWith(TierPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var name = model[TierPrefix.Length..];
            return await TierAsync(db, name, ct) is { } tier ? (tier, null) : (null, $"Tier '{name}' does not exist.");
        }

        if (!model.Contains('/', StringComparison.Ordinal) && await RouteAsync(db, model, ct) is { } bareRoute)
        {
            return (bareRoute, null);
        }

        var bare = !model.Contains('/', StringComparison.Ordinal);
        var matches = await db.Models.AsNoTracking().Include(m => m.Provider)
            .Where(m => m.Name == model || (bare && m.UpstreamId == model))
            .Take(5).ToListAsync(ct);
        return matches.Count switch
        {
            1 => (ForModel(matches[0]), null),
            0 => (null, $"Model '{model}' does not exist."),
            _ => (null, $"'{model}' names several models ({string.Join(", ", matches.Select(m => m.Name))}); write provider/model."),
        };
    }

    private static async Task<Target?> RouteAsync(PlatformDbContext db, string name, CancellationToken ct)
    {
        var route = await db.Routes.AsNoTracking()
            .Include(r => r.Candidates).ThenInclude(c => c.Model).ThenInclude(m => m!.Provider)
            .Include(r => r.Tier).ThenInclude(t => t!.Models).ThenInclude(m => m.Model).ThenInclude(m => m!.Provider)
            .Include(r => r.FallbackPolicy)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Name == name, ct);
        if (route is null)
        {
            return null;
        }

        var candidates = route.Candidates.Count > 0
            ? route.Candidates.Select(c => new Candidate(c.Model!, c.Priority, c.Weight))
            : route.Tier?.Models.Select(m => new Candidate(m.Model!, m.Priority, m.Weight)) ?? [];
        return new Target("route", route.Name, route.Tier?.Name, route.Strategy, route, InPriorityOrder(candidates));
    }

    private static async Task<Target?> TierAsync(PlatformDbContext db, string name, CancellationToken ct)
    {
        var tier = await db.Tiers.AsNoTracking()
            .Include(t => t.Models).ThenInclude(m => m.Model).ThenInclude(m => m!.Provider)
            .SingleOrDefaultAsync(t => t.Name == name, ct);
        return tier is null
            ? null
            : new Target("tier", tier.Name, tier.Name, RoutingStrategy.Priority, null,
                InPriorityOrder(tier.Models.Select(m => new Candidate(m.Model!, m.Priority, m.Weight))));
    }

    private static Target ForModel(CatalogModel model) =>
        new("model", model.Name, null, RoutingStrategy.Priority, null, [new Candidate(model, 0, 1)]);

    /// <summary>Ascending priority; equal priorities keep their configured order (the data plane's stable sort).</summary>
    private static List<Candidate> InPriorityOrder(IEnumerable<Candidate> candidates) => [.. candidates.OrderBy(c => c.Priority)];

    private static CandidateFacts Facts(CatalogModel model) => new()
    {
        Name = model.Name,
        Enabled = model.Enabled && model.Provider?.Enabled != false,
        Region = model.Region ?? model.Provider?.Region,
        ProviderIsPrivate = model.Provider?.IsPrivate == true,
        ApprovedForCustomerFacing = model.ApprovedForCustomerFacing,
        Capabilities = model.Capabilities,
        ContextWindow = model.ContextWindow,
        MaxOutputTokens = model.MaxOutputTokens,
    };

    private static ModelCapabilities Capabilities(DryRunInput input) =>
        (input.Embeddings ? ModelCapabilities.Embeddings : 0)
        | (input.Stream ? ModelCapabilities.Streaming : 0)
        | (input.Tools ? ModelCapabilities.Tools : 0)
        | (input.JsonSchema ? ModelCapabilities.JsonSchema : 0)
        | (input.Vision ? ModelCapabilities.Vision : 0);

    /// <summary>The data plane's least-cost estimate: input and expected output tokens at the model's current prices.</summary>
    private static decimal Cost(CatalogModel model, int inputTokens, int outputTokens) =>
        ((decimal)inputTokens * model.InputPricePerMillion + (decimal)outputTokens * model.OutputPricePerMillion) / 1_000_000m;

    private static IEnumerable<ExclusionReason> Split(ExclusionReason reasons)
    {
        foreach (var reason in Enum.GetValues<ExclusionReason>())
        {
            if (reason != ExclusionReason.None && reasons.HasFlag(reason))
            {
                yield return reason;
            }
        }
    }

    private sealed record Candidate(CatalogModel Model, int Priority, int Weight);

    private sealed record Target(string Kind, string Name, string? TierName, RoutingStrategy Strategy, TaskRoute? Route, List<Candidate> Candidates)
    {
        public string Label => $"{Kind} '{Name}'";
    }
}

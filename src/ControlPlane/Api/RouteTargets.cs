using Microsoft.EntityFrameworkCore;
using Platform.Shared.Config;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Api;

/// <summary>
/// What a route input names, resolved in the caller's tenant: its tier (with models and providers),
/// candidate models, fallback policy; prompt and label checked to exist. Then the route is checked
/// as a whole: some model it can fall back to must meet its constraints.
/// </summary>
internal sealed record RouteTargets(Tier? Tier, Dictionary<string, CatalogModel> Models, FallbackPolicy? Policy, Sensitivity Sensitivity)
{
    /// <returns>The targets, or a validation refusal naming each field that refers to nothing or cannot be met.</returns>
    public static async Task<(RouteTargets? Targets, Failure? Invalid)> ResolveAsync(PlatformDbContext db, RouteInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        Tier? tier = null;
        if (input.Tier is { } tierName)
        {
            tier = await db.Tiers.Include(t => t.Models).ThenInclude(m => m.Model).ThenInclude(m => m!.Provider)
                .SingleOrDefaultAsync(t => t.Name == tierName, ct);
            if (tier is null)
            {
                errors.Add("tier", $"No tier named '{tierName}'.");
            }
        }

        var models = await ModelLists.ResolveAsync(db, input.Candidates, "candidates", errors, ct);
        FallbackPolicy? policy = null;
        if (input.FallbackPolicy is { } policyName)
        {
            policy = await db.FallbackPolicies.SingleOrDefaultAsync(p => p.Name == policyName, ct);
            if (policy is null)
            {
                errors.Add("fallbackPolicy", $"No fallback policy named '{policyName}'.");
            }
        }

        await CheckPromptAsync(db, input.Prompt, errors, ct);
        var sensitivity = ConfigVocabulary.Sensitivities.Parse(input.Constraints.Sensitivity);
        if (!errors.Any)
        {
            IReadOnlyList<CatalogModel> candidates = tier is not null
                ? [.. tier.Models.OrderBy(m => m.Priority).Select(m => m.Model!)]
                : [.. input.Candidates.Select(c => models[c.Model])];
            if (RouteFeasibility.Check(input.Constraints.Region, input.Constraints.CustomerFacing, sensitivity, candidates) is { } problem)
            {
                errors.Add(problem.Field, problem.Reason);
            }
        }

        return errors.Any ? (null, errors.ToFailure()) : (new RouteTargets(tier, models, policy, sensitivity), null);
    }

    private static async Task CheckPromptAsync(PlatformDbContext db, RoutePrompt? binding, FieldErrors errors, CancellationToken ct)
    {
        if (binding is null)
        {
            return;
        }

        var prompt = await db.Prompts.AsNoTracking().Where(p => p.Name == binding.Name)
            .Select(p => new { Labels = p.Labels.Select(l => l.Label).ToList() })
            .SingleOrDefaultAsync(ct);
        if (prompt is null)
        {
            errors.Add("prompt.name", $"No prompt named '{binding.Name}'.");
        }
        else if (binding.Label is { } label && !prompt.Labels.Contains(label))
        {
            errors.Add("prompt.label", $"Prompt '{binding.Name}' has no label '{label}'.");
        }
    }
}

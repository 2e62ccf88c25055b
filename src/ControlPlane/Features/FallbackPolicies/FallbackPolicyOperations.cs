using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Platform.ControlPlane.Access;
using Platform.ControlPlane.Api;
using Platform.Shared.Config;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Features.FallbackPolicies;

/// <summary>
/// Fallback policies. Validated by the shared <see cref="FallbackPolicyInputValidator"/>; a policy
/// routes use cannot be deleted. Reads are open to every role; writes need
/// <see cref="Permission.Configure"/>, checked before validation so a viewer learns nothing from error messages.
/// </summary>
internal sealed class FallbackPolicyOperations(
    PlatformDbContext db, Caller caller, AuditLog audit, IValidator<FallbackPolicyInput> validator, TimeProvider time)
    : IFallbackPolicyOperations
{
    private const string EntityType = "fallback_policy";
    private const string What = "fallback policy";

    public async Task<Outcome<Page<FallbackPolicyView>>> ListAsync(string? name, int? page, int? pageSize, CancellationToken ct)
    {
        if (caller.Refuses(Permission.Read) is { } refusal)
        {
            return refusal;
        }

        var query = db.FallbackPolicies.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(name))
        {
            query = query.Where(p => p.Name.Contains(name));
        }

        var paging = Paging.From(page, pageSize);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(p => p.Name).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return Outcome.Ok(new Page<FallbackPolicyView>([.. rows.Select(View)], paging.PageNumber, paging.PageSize, total));
    }

    public async Task<Outcome<FallbackPolicyView>> GetAsync(Guid id, CancellationToken ct)
    {
        if (caller.Refuses(Permission.Read) is { } refusal)
        {
            return refusal;
        }

        return await db.FallbackPolicies.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) is { } policy
            ? Outcome.Ok(View(policy), ETagOf(policy))
            : Failure.NotFound(What);
    }

    public async Task<Outcome<FallbackPolicyView>> CreateAsync(FallbackPolicyInput input, CancellationToken ct)
    {
        if ((caller.Refuses(Permission.Configure) ?? await InvalidAsync(input, ct)) is { } refusal)
        {
            return refusal;
        }

        if (await db.FallbackPolicies.AnyAsync(p => p.Name == input.Name, ct))
        {
            return NameTaken(input.Name);
        }

        var policy = new FallbackPolicy { Name = input.Name, CreatedAt = time.GetUtcNow().UtcDateTime };
        Apply(policy, input);
        db.FallbackPolicies.Add(policy);
        audit.Add(db, "create", EntityType, policy.Id, null, View(policy));
        return await PolicyWrites.TrySaveAsync(db, null, ct) ?? Outcome.Ok(View(policy), ETagOf(policy));
    }

    public async Task<Outcome<FallbackPolicyView>> UpdateAsync(Guid id, FallbackPolicyInput input, string? ifMatch, CancellationToken ct)
    {
        if ((caller.Refuses(Permission.Configure) ?? await InvalidAsync(input, ct)) is { } refusal)
        {
            return refusal;
        }

        var found = await FindAsync(id, ifMatch, ct);
        if (!found.Succeeded)
        {
            return found.Failure;
        }

        var policy = found.Value;
        if (input.Name != policy.Name && await db.FallbackPolicies.AnyAsync(p => p.Name == input.Name, ct))
        {
            return NameTaken(input.Name);
        }

        var before = View(policy);
        policy.Name = input.Name;
        Apply(policy, input);
        audit.Add(db, "update", EntityType, policy.Id, before, View(policy));
        return await PolicyWrites.TrySaveAsync(db, null, ct) ?? Outcome.Ok(View(policy), ETagOf(policy));
    }

    public async Task<Outcome<FallbackPolicyView>> DeleteAsync(Guid id, string? ifMatch, CancellationToken ct)
    {
        if (caller.Refuses(Permission.Configure) is { } refusal)
        {
            return refusal;
        }

        var found = await FindAsync(id, ifMatch, ct);
        if (!found.Succeeded)
        {
            return found.Failure;
        }

        var policy = found.Value;
        if (await References.ToPolicyAsync(db, policy.Id, ct) is { } used)
        {
            return Failure.Conflict($"Fallback policy '{policy.Name}' is {used}; change those first.");
        }

        var view = View(policy);
        db.FallbackPolicies.Remove(policy);
        audit.Add(db, "delete", EntityType, policy.Id, view, null);
        return await PolicyWrites.TrySaveAsync(db, null, ct) ?? Outcome.Ok(view);
    }

    public async Task<Outcome<IReadOnlyDictionary<Guid, IReadOnlyList<string>>>> RoutesUsingAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (caller.Refuses(Permission.Read) is { } refusal)
        {
            return refusal;
        }

        // A page of policies is at most Paging.MaxPageSize ids; the cap keeps a crafted call cheap.
        var wanted = ids.Distinct().Take(Paging.MaxPageSize).ToList();
        var routes = await db.Routes.AsNoTracking()
            .Where(r => r.FallbackPolicyId != null && wanted.Contains(r.FallbackPolicyId.Value))
            .Select(r => new { PolicyId = r.FallbackPolicyId!.Value, r.Name })
            .ToListAsync(ct);
        return Outcome.Ok<IReadOnlyDictionary<Guid, IReadOnlyList<string>>>(wanted.ToDictionary(
            id => id,
            id => (IReadOnlyList<string>)[.. routes.Where(r => r.PolicyId == id).Select(r => r.Name).Order(StringComparer.Ordinal)]));
    }

    /// <summary>The tracked policy, if it is in the tenant and the caller's If-Match still holds.</summary>
    private async Task<Outcome<FallbackPolicy>> FindAsync(Guid id, string? ifMatch, CancellationToken ct)
    {
        if (await db.FallbackPolicies.SingleOrDefaultAsync(p => p.Id == id, ct) is not { } policy)
        {
            return Failure.NotFound(What);
        }

        return ConcurrencyStamps.IfMatchFails(ifMatch, policy.ConcurrencyStamp) ? Failure.PreconditionFailed() : Outcome.Ok(policy);
    }

    private async Task<Failure?> InvalidAsync(FallbackPolicyInput input, CancellationToken ct) =>
        await validator.ValidateAsync(input, ct) is { IsValid: false } result ? Failure.Invalid(result) : null;

    private static Failure NameTaken(string name) =>
        Failure.Conflict($"A fallback policy named '{name}' already exists.", nameof(FallbackPolicyInput.Name));

    private static string ETagOf(FallbackPolicy policy) => ConcurrencyStamps.ETagOf(policy.ConcurrencyStamp);

    private static void Apply(FallbackPolicy policy, FallbackPolicyInput input)
    {
        policy.PerAttemptTimeoutMs = input.PerAttemptTimeoutMs;
        policy.FirstTokenTimeoutMs = input.FirstTokenTimeoutMs;
        policy.OverallDeadlineMs = input.OverallDeadlineMs;
        policy.MaxRetries = input.MaxRetries;
        policy.BackoffBaseMs = input.BackoffBaseMs;
        policy.MaxCandidates = input.MaxCandidates;
        policy.RetryOn = [.. input.RetryOn];
        policy.FallbackOn = [.. input.FallbackOn];
        policy.BreakerFailureRatio = input.CircuitBreaker.FailureRatio;
        policy.BreakerMinimumThroughput = input.CircuitBreaker.MinimumThroughput;
        policy.BreakerSamplingSeconds = input.CircuitBreaker.SamplingSeconds;
        policy.BreakerBreakSeconds = input.CircuitBreaker.BreakSeconds;
        policy.DegradedMode = ConfigVocabulary.DegradedModes.Parse(input.Degraded.Mode);
        policy.DegradedText = input.Degraded.Text;
    }

    private static FallbackPolicyView View(FallbackPolicy p) => new(
        p.Id, p.Name, p.PerAttemptTimeoutMs, p.FirstTokenTimeoutMs, p.OverallDeadlineMs, p.MaxRetries, p.BackoffBaseMs, p.MaxCandidates,
        [.. p.RetryOn], [.. p.FallbackOn],
        new CircuitBreakerSettings(p.BreakerFailureRatio, p.BreakerMinimumThroughput, p.BreakerSamplingSeconds, p.BreakerBreakSeconds),
        new DegradedSettings(ConfigVocabulary.DegradedModes.NameOf(p.DegradedMode), p.DegradedText),
        p.CreatedAt);
}

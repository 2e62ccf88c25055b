using Microsoft.EntityFrameworkCore;
using Platform.ControlPlane.Access;
using Platform.Shared.Config;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Management;

namespace Platform.ControlPlane.Api;

/// <summary>
/// <c>/api/v1/fallback-policies</c>: timeouts, retries, backoff, which error classes retry or fall
/// back, the circuit breaker and the degraded answer. A policy routes use cannot be deleted.
/// </summary>
internal static class FallbackPolicyEndpoints
{
    private const string EntityType = "fallback_policy";
    private const string What = "fallback policy";

    public static void Map(RouteGroupBuilder api)
    {
        var policies = api.MapGroup("/fallback-policies").WithTags("Fallback policies");
        policies.MapGet("", ListAsync);
        policies.MapGet("/{id:guid}", GetAsync);
        policies.MapPost("", CreateAsync).Validates<FallbackPolicyInput>().Requires(Permission.Configure);
        policies.MapPut("/{id:guid}", UpdateAsync).Validates<FallbackPolicyInput>().Requires(Permission.Configure);
        policies.MapDelete("/{id:guid}", DeleteAsync).Requires(Permission.Configure);
    }

    /// <param name="name">Part of the name.</param>
    private static async Task<IResult> ListAsync(PlatformDbContext db, string? name, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.FallbackPolicies.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(name))
        {
            query = query.Where(p => p.Name.Contains(name));
        }

        var paging = Paging.From(page, pageSize);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(p => p.Name).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return Results.Ok(new Page<FallbackPolicyView>([.. rows.Select(View)], paging.PageNumber, paging.PageSize, total));
    }

    private static async Task<IResult> GetAsync(Guid id, PlatformDbContext db, HttpResponse response, CancellationToken ct)
    {
        if (await db.FallbackPolicies.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) is not { } policy)
        {
            return Problems.NotFound(What);
        }

        ETags.Set(response, policy);
        return Results.Ok(View(policy));
    }

    private static async Task<IResult> CreateAsync(
        FallbackPolicyInput input, PlatformDbContext db, AuditLog audit, TimeProvider time, HttpResponse response, CancellationToken ct)
    {
        if (await db.FallbackPolicies.AnyAsync(p => p.Name == input.Name, ct))
        {
            return Problems.Conflict($"A fallback policy named '{input.Name}' already exists.");
        }

        var policy = new FallbackPolicy { Name = input.Name, CreatedAt = time.GetUtcNow().UtcDateTime };
        Apply(policy, input);
        db.FallbackPolicies.Add(policy);
        audit.Add(db, "create", EntityType, policy.Id, null, View(policy));
        if (await PolicyWrites.SaveAsync(db, null, ct) is { } refused)
        {
            return refused;
        }

        ETags.Set(response, policy);
        return Results.Created($"/api/v1/fallback-policies/{policy.Id}", View(policy));
    }

    private static async Task<IResult> UpdateAsync(
        Guid id, FallbackPolicyInput input, PlatformDbContext db, AuditLog audit, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        if (await db.FallbackPolicies.SingleOrDefaultAsync(p => p.Id == id, ct) is not { } policy)
        {
            return Problems.NotFound(What);
        }

        if (ETags.IfMatchFails(request, policy))
        {
            return Problems.PreconditionFailed();
        }

        if (input.Name != policy.Name && await db.FallbackPolicies.AnyAsync(p => p.Name == input.Name, ct))
        {
            return Problems.Conflict($"A fallback policy named '{input.Name}' already exists.");
        }

        var before = View(policy);
        policy.Name = input.Name;
        Apply(policy, input);
        audit.Add(db, "update", EntityType, policy.Id, before, View(policy));
        if (await PolicyWrites.SaveAsync(db, null, ct) is { } refused)
        {
            return refused;
        }

        ETags.Set(response, policy);
        return Results.Ok(View(policy));
    }

    private static async Task<IResult> DeleteAsync(Guid id, PlatformDbContext db, AuditLog audit, HttpRequest request, CancellationToken ct)
    {
        if (await db.FallbackPolicies.SingleOrDefaultAsync(p => p.Id == id, ct) is not { } policy)
        {
            return Problems.NotFound(What);
        }

        if (ETags.IfMatchFails(request, policy))
        {
            return Problems.PreconditionFailed();
        }

        if (await References.ToPolicyAsync(db, policy.Id, ct) is { } used)
        {
            return Problems.Conflict($"Fallback policy '{policy.Name}' is {used}; change those first.");
        }

        db.FallbackPolicies.Remove(policy);
        audit.Add(db, "delete", EntityType, policy.Id, View(policy), null);
        return await PolicyWrites.SaveAsync(db, null, ct) ?? Results.NoContent();
    }

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

    public static FallbackPolicyView View(FallbackPolicy p) => new(
        p.Id, p.Name, p.PerAttemptTimeoutMs, p.FirstTokenTimeoutMs, p.OverallDeadlineMs, p.MaxRetries, p.BackoffBaseMs, p.MaxCandidates,
        [.. p.RetryOn], [.. p.FallbackOn],
        new CircuitBreakerSettings(p.BreakerFailureRatio, p.BreakerMinimumThroughput, p.BreakerSamplingSeconds, p.BreakerBreakSeconds),
        new DegradedSettings(ConfigVocabulary.DegradedModes.NameOf(p.DegradedMode), p.DegradedText),
        p.CreatedAt);
}

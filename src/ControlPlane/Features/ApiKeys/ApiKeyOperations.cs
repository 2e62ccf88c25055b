using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Platform.ControlPlane.Access;
using Platform.ControlPlane.Api;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;
using Platform.Shared.Security;

namespace Platform.ControlPlane.Features.ApiKeys;

/// <summary>
/// Data-plane API keys. The secret is generated here, shown once (create, rotate) and stored only
/// as its SHA-256. Revoke and rotate take effect on the data plane within its reload interval (a
/// policy change bumps the tenant's config version). Reads are open to every role; writes need
/// <see cref="Permission.Configure"/>, checked before validation so a viewer learns nothing from
/// error messages.
/// </summary>
internal sealed class ApiKeyOperations(
    PlatformDbContext db, Caller caller, AuditLog audit, IValidator<ApiKeyInput> validator, TimeProvider time) : IApiKeyOperations
{
    private const string What = "API key";

    public async Task<Outcome<Page<ApiKeyView>>> ListAsync(ApiKeyQuery query, CancellationToken ct)
    {
        if (caller.Refuses(Permission.Read) is { } refusal)
        {
            return refusal;
        }

        if (query.Status is { Length: > 0 } status && !ApiKeyQuery.Statuses.Contains(status))
        {
            return Failure.Invalid(nameof(ApiKeyQuery.Status), $"Unknown status '{status}'; use active, revoked or expired.");
        }

        var paging = Paging.From(query.Page, query.PageSize);
        var now = time.GetUtcNow().UtcDateTime;
        var keys = db.ApiKeys.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Name))
        {
            keys = keys.Where(k => k.Name.Contains(query.Name));
        }

        keys = query.Status switch
        {
            "active" => keys.Where(k => k.RevokedAt == null && (k.ExpiresAt == null || k.ExpiresAt > now)),
            "revoked" => keys.Where(k => k.RevokedAt != null),
            "expired" => keys.Where(k => k.RevokedAt == null && k.ExpiresAt != null && k.ExpiresAt <= now),
            _ => keys,
        };

        var total = await keys.CountAsync(ct);
        var rows = await keys.OrderBy(k => k.Name).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return Outcome.Ok(new Page<ApiKeyView>([.. rows.Select(View)], paging.PageNumber, paging.PageSize, total));
    }

    public async Task<Outcome<ApiKeyView>> GetAsync(Guid id, CancellationToken ct)
    {
        if (caller.Refuses(Permission.Read) is { } refusal)
        {
            return refusal;
        }

        return await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Id == id, ct) is { } key
            ? Outcome.Ok(View(key), ETagOf(key))
            : Failure.NotFound(What);
    }

    public async Task<Outcome<ApiKeyWithSecret>> CreateAsync(ApiKeyInput input, CancellationToken ct)
    {
        if ((caller.Refuses(Permission.Configure) ?? await InvalidAsync(input, ct)) is { } refusal)
        {
            return refusal;
        }

        if (await db.ApiKeys.AnyAsync(k => k.Name == input.Name, ct))
        {
            return NameTaken(input.Name);
        }

        var secret = ApiKeySecret.Generate();
        var key = new ApiKey
        {
            Name = input.Name,
            Prefix = ApiKeySecret.PrefixOf(secret),
            Hash = ApiKeySecret.Hash(secret),

            // Set here, not by the save, so the audit entry's "after" has it.
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        Apply(key, input);
        db.ApiKeys.Add(key);
        audit.Add(db, "create", "api_key", key.Id, null, View(key));
        await db.SaveChangesAsync(ct);
        return Outcome.Ok(new ApiKeyWithSecret(View(key), secret), ETagOf(key));
    }

    public async Task<Outcome<ApiKeyView>> UpdateAsync(Guid id, ApiKeyInput input, string? ifMatch, CancellationToken ct)
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

        var key = found.Value;

        if (input.Name != key.Name && await db.ApiKeys.AnyAsync(k => k.Name == input.Name, ct))
        {
            return NameTaken(input.Name);
        }

        var before = View(key);
        key.Name = input.Name;
        Apply(key, input);
        return await SaveAsync("update", key, before, ct) ?? Outcome.Ok(View(key), ETagOf(key));
    }

    public async Task<Outcome<ApiKeyWithSecret>> RotateAsync(Guid id, string? ifMatch, CancellationToken ct)
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

        var key = found.Value;

        if (key.RevokedAt is not null)
        {
            return Failure.Conflict("A revoked key cannot be rotated; create a new one.");
        }

        var before = View(key);
        var secret = ApiKeySecret.Generate();
        key.Prefix = ApiKeySecret.PrefixOf(secret);
        key.Hash = ApiKeySecret.Hash(secret);
        return await SaveAsync("rotate", key, before, ct) ?? Outcome.Ok(new ApiKeyWithSecret(View(key), secret), ETagOf(key));
    }

    public async Task<Outcome<ApiKeyView>> RevokeAsync(Guid id, string? ifMatch, CancellationToken ct)
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

        var key = found.Value;

        if (key.RevokedAt is not null)
        {
            return Outcome.Ok(View(key), ETagOf(key));
        }

        var before = View(key);
        key.RevokedAt = time.GetUtcNow().UtcDateTime;
        return await SaveAsync("revoke", key, before, ct) ?? Outcome.Ok(View(key), ETagOf(key));
    }

    /// <summary>The tracked row, if it is in the tenant and the caller's If-Match still holds.</summary>
    private async Task<Outcome<ApiKey>> FindAsync(Guid id, string? ifMatch, CancellationToken ct)
    {
        if (await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, ct) is not { } key)
        {
            return Failure.NotFound(What);
        }

        return ConcurrencyStamps.IfMatchFails(ifMatch, key.ConcurrencyStamp) ? Failure.PreconditionFailed() : Outcome.Ok(key);
    }

    private async Task<Failure?> InvalidAsync(ApiKeyInput input, CancellationToken ct) =>
        await validator.ValidateAsync(input, ct) is { IsValid: false } result ? Failure.Invalid(result) : null;

    /// <returns>Null when saved; a precondition failure when the row changed since it was read (the stamp moved).</returns>
    private async Task<Failure?> SaveAsync(string action, ApiKey key, ApiKeyView before, CancellationToken ct)
    {
        audit.Add(db, action, "api_key", key.Id, before, View(key));
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Failure.PreconditionFailed();
        }
    }

    private static Failure NameTaken(string name) =>
        Failure.Conflict($"An API key named '{name}' already exists.", nameof(ApiKeyInput.Name));

    private static string ETagOf(ApiKey key) => ConcurrencyStamps.ETagOf(key.ConcurrencyStamp);

    private static void Apply(ApiKey key, ApiKeyInput input)
    {
        key.AllowedEndpoints = [.. input.Endpoints];
        key.AllowedRoutes = [.. input.Routes];
        key.AllowedModels = [.. input.Models];
        key.RequestsPerMinute = input.RequestsPerMinute;
        key.TokensPerMinute = input.TokensPerMinute;
        key.ExpiresAt = input.ExpiresAt;
    }

    private static ApiKeyView View(ApiKey k) => new(
        k.Id, k.Name, k.Prefix, k.AllowedEndpoints, k.AllowedRoutes, k.AllowedModels,
        k.RequestsPerMinute, k.TokensPerMinute, k.ExpiresAt, k.RevokedAt, k.LastUsedAt, k.CreatedAt);
}

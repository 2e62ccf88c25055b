using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Platform.ControlPlane.Access;
using Platform.ControlPlane.Api;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Features.Members;

/// <summary>
/// The tenant's members. Users are global rows; the membership side of the join carries the
/// tenant filter, and the membership's concurrency stamp is the member's ETag. Refusals name the
/// roles involved, so the dashboard can show the API's words as they are.
/// </summary>
internal sealed class MemberOperations(PlatformDbContext db, Caller caller, AuditLog audit, IValidator<MemberRoleInput> validator) : IMemberOperations
{
    private const string What = "member";

    public async Task<Outcome<Page<MemberView>>> ListAsync(MemberQuery query, CancellationToken ct)
    {
        if (caller.Refuses(Permission.Read) is { } refusal)
        {
            return refusal;
        }

        TenantRole role = default;
        if (!string.IsNullOrEmpty(query.Role) && !TenantRoles.TryParse(query.Role, out role))
        {
            return Failure.Invalid(nameof(MemberQuery.Role), $"Unknown role '{query.Role}'; use owner, admin, finance or viewer.");
        }

        var paging = Paging.From(query.Page, query.PageSize);
        var memberships = db.Memberships.AsNoTracking();
        if (!string.IsNullOrEmpty(query.Role))
        {
            memberships = memberships.Where(m => m.Role == role);
        }

        var rows = Rows(memberships);
        var total = await rows.CountAsync(ct);
        var items = await rows.OrderBy(r => r.Email).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return Outcome.Ok(new Page<MemberView>([.. items.Select(View)], paging.PageNumber, paging.PageSize, total));
    }

    public async Task<Outcome<MemberView>> GetAsync(Guid userId, CancellationToken ct)
    {
        if (caller.Refuses(Permission.Read) is { } refusal)
        {
            return refusal;
        }

        return await Rows(db.Memberships.AsNoTracking().Where(m => m.UserId == userId)).SingleOrDefaultAsync(ct) is { } row
            ? Outcome.Ok(View(row), ETagOf(row.Membership))
            : Failure.NotFound(What);
    }

    public async Task<Outcome<MemberView>> ChangeRoleAsync(Guid userId, MemberRoleInput input, string? ifMatch, CancellationToken ct)
    {
        if ((caller.Refuses(Permission.ManageMembers) ?? await InvalidAsync(input, ct)) is { } refusal)
        {
            return refusal;
        }

        var found = await FindAsync(userId, ifMatch, ct);
        if (!found.Succeeded)
        {
            return found.Failure;
        }

        var row = found.Value;
        var membership = row.Membership;
        if (!TenantRoles.TryParse(input.Role, out var role) || !caller.Role.MayGrant(membership.Role) || !caller.Role.MayGrant(role))
        {
            return Failure.Forbidden(
                $"The {TenantRoles.Name(caller.Role)} role may not change a {TenantRoles.Name(membership.Role)} into a {TenantRoles.Name(role)}.");
        }

        if (role == membership.Role)
        {
            return Outcome.Ok(View(row), ETagOf(membership));
        }

        if (membership.Role == TenantRole.Owner && await LastOwnerRefusalAsync(membership, ct) is { } lastOwner)
        {
            return lastOwner;
        }

        var before = View(row);
        membership.Role = role;
        var after = View(row);
        audit.Add(db, "update", "member", userId, before, after);
        return await SaveAsync(ct) ?? Outcome.Ok(after, ETagOf(membership));
    }

    public async Task<Outcome<MemberView>> RemoveAsync(Guid userId, string? ifMatch, CancellationToken ct)
    {
        if (caller.Refuses(Permission.ManageMembers) is { } refusal)
        {
            return refusal;
        }

        var found = await FindAsync(userId, ifMatch, ct);
        if (!found.Succeeded)
        {
            return found.Failure;
        }

        var row = found.Value;
        var membership = row.Membership;
        if (!caller.Role.MayGrant(membership.Role))
        {
            return Failure.Forbidden($"The {TenantRoles.Name(caller.Role)} role may not remove a {TenantRoles.Name(membership.Role)}.");
        }

        if (membership.Role == TenantRole.Owner && await LastOwnerRefusalAsync(membership, ct) is { } lastOwner)
        {
            return lastOwner;
        }

        var before = View(row);
        db.Memberships.Remove(membership);
        audit.Add(db, "delete", "member", userId, before, null);
        return await SaveAsync(ct) ?? Outcome.Ok(before);
    }

    public static MemberView View(Membership membership, PlatformUser user) =>
        View(new MemberRow { Membership = membership, Email = user.Email, DisplayName = user.DisplayName });

    /// <summary>The tracked row, if it is in the tenant and the caller's If-Match still holds.</summary>
    private async Task<Outcome<MemberRow>> FindAsync(Guid userId, string? ifMatch, CancellationToken ct)
    {
        if (await Rows(db.Memberships.Where(m => m.UserId == userId)).SingleOrDefaultAsync(ct) is not { } row)
        {
            return Failure.NotFound(What);
        }

        return ConcurrencyStamps.IfMatchFails(ifMatch, row.Membership.ConcurrencyStamp) ? Failure.PreconditionFailed() : Outcome.Ok(row);
    }

    /// <summary>
    /// A conflict when <paramref name="leaving"/> is the only owner. Otherwise the other owners' rows
    /// are marked modified, so their concurrency stamps are checked in the same save: two owners
    /// demoting each other at once cannot both succeed and leave the tenant without one.
    /// </summary>
    private async Task<Failure?> LastOwnerRefusalAsync(Membership leaving, CancellationToken ct)
    {
        var others = await db.Memberships.Where(m => m.Role == TenantRole.Owner && m.Id != leaving.Id).ToListAsync(ct);
        if (others.Count == 0)
        {
            return Failure.Conflict("This is the tenant's last owner: make another member owner first.");
        }

        foreach (var other in others)
        {
            db.Entry(other).Property(m => m.ConcurrencyStamp).IsModified = true;
        }

        return null;
    }

    private async Task<Failure?> InvalidAsync(MemberRoleInput input, CancellationToken ct) =>
        await validator.ValidateAsync(input, ct) is { IsValid: false } result ? Failure.Invalid(result) : null;

    /// <returns>Null when saved; a precondition failure when a row changed since it was read (a stamp moved).</returns>
    private async Task<Failure?> SaveAsync(CancellationToken ct)
    {
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

    private IQueryable<MemberRow> Rows(IQueryable<Membership> memberships) =>
        memberships.Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new MemberRow { Membership = m, Email = u.Email, DisplayName = u.DisplayName });

    private static string ETagOf(Membership membership) => ConcurrencyStamps.ETagOf(membership.ConcurrencyStamp);

    private static MemberView View(MemberRow row) => new(
        row.Membership.UserId, row.Email ?? "", row.DisplayName, TenantRoles.Name(row.Membership.Role), row.Membership.CreatedAt);
}

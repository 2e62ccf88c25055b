using Microsoft.EntityFrameworkCore;
using Platform.ControlPlane.Access;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Management;

namespace Platform.ControlPlane.Api;

/// <summary>
/// <c>/api/v1/members</c>: the tenant's members. Every member may list them; changing a role or
/// removing someone needs <see cref="Permission.ManageMembers"/>, and the caller may only give or
/// take a role they could grant (<see cref="RolePermissions.MayGrant"/>: only an owner touches the
/// owner role). The tenant always keeps at least one owner.
/// </summary>
internal static class MemberEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var members = api.MapGroup("/members").WithTags("Members");
        members.MapGet("", ListAsync);
        members.MapGet("/{userId:guid}", GetAsync);
        members.MapPut("/{userId:guid}", ChangeRoleAsync).Validates<MemberRoleInput>().Requires(Permission.ManageMembers);
        members.MapDelete("/{userId:guid}", RemoveAsync).Requires(Permission.ManageMembers);
    }

    /// <summary>A member-init projection (not a constructor), so EF can still order and filter by its members.</summary>
    private sealed class Row
    {
        public required Membership Membership { get; init; }

        public string? Email { get; init; }

        public string? DisplayName { get; init; }
    }

    private static async Task<IResult> ListAsync(PlatformDbContext db, string? role, int? page, int? pageSize, CancellationToken ct)
    {
        TenantRole parsed = default;
        if (!string.IsNullOrEmpty(role) && !TenantRoles.TryParse(role, out parsed))
        {
            return Problems.BadRequest($"Unknown role '{role}'; use owner, admin, finance or viewer.");
        }

        var paging = Paging.From(page, pageSize);
        var query = db.Memberships.AsNoTracking();
        if (!string.IsNullOrEmpty(role))
        {
            query = query.Where(m => m.Role == parsed);
        }

        var rows = Rows(db, query);
        var total = await rows.CountAsync(ct);
        var items = await rows.OrderBy(r => r.Email).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return Results.Ok(new Page<MemberView>([.. items.Select(View)], paging.PageNumber, paging.PageSize, total));
    }

    private static async Task<IResult> GetAsync(Guid userId, PlatformDbContext db, HttpResponse response, CancellationToken ct)
    {
        if (await Rows(db, db.Memberships.AsNoTracking().Where(m => m.UserId == userId)).SingleOrDefaultAsync(ct) is not { } row)
        {
            return Problems.NotFound("member");
        }

        ETags.Set(response, row.Membership);
        return Results.Ok(View(row));
    }

    private static async Task<IResult> ChangeRoleAsync(
        Guid userId, MemberRoleInput input, PlatformDbContext db, Caller caller, AuditLog audit, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        if (await Rows(db, db.Memberships.Where(m => m.UserId == userId)).SingleOrDefaultAsync(ct) is not { } row)
        {
            return Problems.NotFound("member");
        }

        var membership = row.Membership;
        if (ETags.IfMatchFails(request, membership))
        {
            return Problems.PreconditionFailed();
        }

        if (!TenantRoles.TryParse(input.Role, out var role) || !caller.Role.MayGrant(membership.Role) || !caller.Role.MayGrant(role))
        {
            return Problems.Forbidden(
                $"The {TenantRoles.Name(caller.Role)} role may not change a {TenantRoles.Name(membership.Role)} into a {TenantRoles.Name(role)}.");
        }

        if (role == membership.Role)
        {
            ETags.Set(response, membership);
            return Results.Ok(View(row));
        }

        if (membership.Role == TenantRole.Owner && await LastOwnerRefusalAsync(db, membership, ct) is { } refusal)
        {
            return refusal;
        }

        var before = View(row);
        membership.Role = role;
        var after = View(row);
        audit.Add(db, "update", "member", userId, before, after);
        if (!await TrySaveAsync(db, ct))
        {
            return Problems.PreconditionFailed();
        }

        ETags.Set(response, membership);
        return Results.Ok(after);
    }

    private static async Task<IResult> RemoveAsync(
        Guid userId, PlatformDbContext db, Caller caller, AuditLog audit, HttpRequest request, CancellationToken ct)
    {
        if (await Rows(db, db.Memberships.Where(m => m.UserId == userId)).SingleOrDefaultAsync(ct) is not { } row)
        {
            return Problems.NotFound("member");
        }

        var membership = row.Membership;
        if (ETags.IfMatchFails(request, membership))
        {
            return Problems.PreconditionFailed();
        }

        if (!caller.Role.MayGrant(membership.Role))
        {
            return Problems.Forbidden($"The {TenantRoles.Name(caller.Role)} role may not remove a {TenantRoles.Name(membership.Role)}.");
        }

        if (membership.Role == TenantRole.Owner && await LastOwnerRefusalAsync(db, membership, ct) is { } refusal)
        {
            return refusal;
        }

        db.Memberships.Remove(membership);
        audit.Add(db, "delete", "member", userId, View(row), null);
        return await TrySaveAsync(db, ct) ? Results.NoContent() : Problems.PreconditionFailed();
    }

    /// <summary>
    /// 409 when <paramref name="leaving"/> is the only owner. Otherwise the other owners' rows are
    /// marked modified, so their concurrency stamps are checked in the same save: two owners
    /// demoting each other at once cannot both succeed and leave the tenant without one.
    /// </summary>
    private static async Task<IResult?> LastOwnerRefusalAsync(PlatformDbContext db, Membership leaving, CancellationToken ct)
    {
        var others = await db.Memberships.Where(m => m.Role == TenantRole.Owner && m.Id != leaving.Id).ToListAsync(ct);
        if (others.Count == 0)
        {
            return Problems.Conflict("This is the tenant's last owner: make another member owner first.");
        }

        foreach (var other in others)
        {
            db.Entry(other).Property(m => m.ConcurrencyStamp).IsModified = true;
        }

        return null;
    }

    /// <returns>False when a row changed since it was read (a concurrency stamp moved).</returns>
    private static async Task<bool> TrySaveAsync(PlatformDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    /// <summary>Users are global rows; the membership side of the join carries the tenant filter.</summary>
    private static IQueryable<Row> Rows(PlatformDbContext db, IQueryable<Membership> memberships) =>
        memberships.Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new Row { Membership = m, Email = u.Email, DisplayName = u.DisplayName });

    private static MemberView View(Row row) => new(
        row.Membership.UserId, row.Email ?? "", row.DisplayName, TenantRoles.Name(row.Membership.Role), row.Membership.CreatedAt);

    public static MemberView View(Membership membership, PlatformUser user) =>
        View(new Row { Membership = membership, Email = user.Email, DisplayName = user.DisplayName });
}

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Platform.ControlPlane.Access;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Mail;
using Platform.Shared.Management;

namespace Platform.ControlPlane.Api;

/// <summary>
/// <c>/api/v1/tenants</c>: platform operators list and create tenants. Not tenant-scoped, so
/// outside <see cref="TenantScopeFilter"/>; <see cref="PlatformOperatorFilter"/> guards it instead.
/// A new tenant gets its first owner at once when the owner's e-mail has an account, otherwise an
/// owner invitation.
/// </summary>
internal static class TenantEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var tenants = app.MapGroup("/api/v1/tenants").AddEndpointFilter<PlatformOperatorFilter>().WithTags("Tenants");
        tenants.MapGet("", ListAsync);
        tenants.MapPost("", CreateAsync).Validates<TenantInput>();
    }

    private static async Task<IResult> ListAsync(PlatformDbContext db, int? page, int? pageSize, CancellationToken ct)
    {
        var paging = Paging.From(page, pageSize);
        var total = await db.Tenants.CountAsync(ct);
        var rows = await db.Tenants.AsNoTracking().OrderBy(t => t.Slug).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return Results.Ok(new Page<TenantView>([.. rows.Select(View)], paging.PageNumber, paging.PageSize, total));
    }

    private static async Task<IResult> CreateAsync(
        TenantInput input, PlatformDbContextFactory contexts, UserManager<PlatformUser> users, Caller caller, InvitationIssuer issuer,
        AuditLog audit, TimeProvider time, CancellationToken ct)
    {
        var tenant = new Tenant { Slug = input.Slug, Name = input.Name.Trim(), CreatedAt = time.GetUtcNow().UtcDateTime };

        // The new tenant is the one in scope: its first rows (membership or invitation, audit) are its own.
        await using var db = contexts.Create(tenant.Id);
        if (await db.Tenants.AnyAsync(t => t.Slug == tenant.Slug, ct))
        {
            return Problems.Conflict($"A tenant with the slug '{tenant.Slug}' already exists.");
        }

        db.Tenants.Add(tenant);
        audit.Add(db, "create", "tenant", tenant.Id, null, View(tenant));
        var email = input.OwnerEmail.Trim();
        var normalized = users.NormalizeEmail(email);
        InvitationCreated? invited = null;
        if (await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, ct) is { } owner)
        {
            var membership = new Membership { UserId = owner.Id, Role = TenantRole.Owner, CreatedAt = tenant.CreatedAt };
            db.Memberships.Add(membership);
            audit.Add(db, "create", "member", owner.Id, null, MemberEndpoints.View(membership, owner));
        }
        else
        {
            var (invitation, token) = issuer.Add(db, email, TenantRole.Owner, caller.Actor);
            try
            {
                invited = await issuer.DeliverAsync(invitation, token, tenant.Name, ct);
            }
            catch (EmailDeliveryException)
            {
                return InvitationIssuer.NotSent();
            }

            audit.Add(db, "create", "invitation", invitation.Id, null, invited.Invitation);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict($"A tenant with the slug '{tenant.Slug}' already exists.");
        }

        return Results.Created($"/api/v1/tenants/{tenant.Id}", new TenantCreated(View(tenant), invited is null ? "member" : "invited", invited));
    }

    private static TenantView View(Tenant t) => new(t.Id, t.Slug, t.Name, t.Disabled, t.CreatedAt);
}

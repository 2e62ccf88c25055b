using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Platform.ControlPlane.Access;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Mail;
using Platform.Shared.Management;

namespace Platform.ControlPlane.Api;

/// <summary>
/// <c>/api/v1/invitations</c>: invite someone by e-mail with a role (never one the caller could
/// not grant), list, revoke. The link carries a token that works once for 7 days; only its hash is
/// stored. Accepting is <see cref="InvitationAcceptEndpoint"/>, outside the tenant scope.
/// </summary>
internal static class InvitationEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var invitations = api.MapGroup("/invitations").WithTags("Invitations");
        invitations.MapGet("", ListAsync).Requires(Permission.ManageMembers);
        invitations.MapGet("/{id:guid}", GetAsync).Requires(Permission.ManageMembers);
        invitations.MapPost("", CreateAsync).Validates<InvitationInput>().Requires(Permission.ManageMembers);
        invitations.MapDelete("/{id:guid}", RevokeAsync).Requires(Permission.ManageMembers);
    }

    /// <param name="status"><c>pending</c>, <c>accepted</c> or <c>expired</c>.</param>
    private static async Task<IResult> ListAsync(
        PlatformDbContext db, TimeProvider time, string? status, int? page, int? pageSize, CancellationToken ct)
    {
        if (status is not (null or "" or "pending" or "accepted" or "expired"))
        {
            return Problems.BadRequest($"Unknown status '{status}'; use pending, accepted or expired.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var paging = Paging.From(page, pageSize);
        var query = status switch
        {
            "pending" => db.Invitations.Where(i => i.AcceptedAt == null && i.ExpiresAt > now),
            "accepted" => db.Invitations.Where(i => i.AcceptedAt != null),
            "expired" => db.Invitations.Where(i => i.AcceptedAt == null && i.ExpiresAt <= now),
            _ => db.Invitations,
        };
        var total = await query.CountAsync(ct);
        var rows = await query.AsNoTracking().OrderByDescending(i => i.CreatedAt).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return Results.Ok(new Page<InvitationView>([.. rows.Select(i => View(i, now))], paging.PageNumber, paging.PageSize, total));
    }

    private static async Task<IResult> GetAsync(Guid id, PlatformDbContext db, TimeProvider time, CancellationToken ct) =>
        await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct) is { } invitation
            ? Results.Ok(View(invitation, time.GetUtcNow().UtcDateTime))
            : Problems.NotFound("invitation");

    private static async Task<IResult> CreateAsync(
        InvitationInput input, PlatformDbContext db, Caller caller, InvitationIssuer issuer, UserManager<PlatformUser> users,
        AuditLog audit, TimeProvider time, CancellationToken ct)
    {
        if (!TenantRoles.TryParse(input.Role, out var role) || !caller.Role.MayGrant(role))
        {
            return Problems.Forbidden($"The {TenantRoles.Name(caller.Role)} role may not invite a {TenantRoles.Name(role)}.");
        }

        var email = input.Email.Trim();
        var normalized = users.NormalizeEmail(email);
        var isMember = await db.Memberships.Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.NormalizedEmail).AnyAsync(e => e == normalized, ct);
        if (isMember)
        {
            return Problems.Conflict($"{email} is already a member of this tenant.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var pending = await db.Invitations.Where(i => i.AcceptedAt == null && i.ExpiresAt > now).Select(i => i.Email).ToListAsync(ct);
        if (pending.Any(e => users.NormalizeEmail(e) == normalized))
        {
            return Problems.Conflict($"{email} already has a pending invitation; revoke it to send a new one.");
        }

        var tenantName = await db.Tenants.Where(t => t.Id == caller.TenantId).Select(t => t.Name).SingleAsync(ct);
        var (invitation, token) = issuer.Add(db, email, role, caller.Actor);
        InvitationCreated created;
        try
        {
            created = await issuer.DeliverAsync(invitation, token, tenantName, ct);
        }
        catch (EmailDeliveryException)
        {
            return InvitationIssuer.NotSent();
        }

        audit.Add(db, "create", "invitation", invitation.Id, null, created.Invitation);
        await db.SaveChangesAsync(ct);
        return Results.Created($"/api/v1/invitations/{invitation.Id}", created);
    }

    /// <summary>Deletes a pending (or expired) invitation, so its link stops working at once.</summary>
    private static async Task<IResult> RevokeAsync(Guid id, PlatformDbContext db, Caller caller, AuditLog audit, TimeProvider time, CancellationToken ct)
    {
        if (await db.Invitations.SingleOrDefaultAsync(i => i.Id == id, ct) is not { } invitation)
        {
            return Problems.NotFound("invitation");
        }

        if (invitation.AcceptedAt is not null)
        {
            return Problems.Conflict("This invitation was accepted already; remove the member instead.");
        }

        if (!caller.Role.MayGrant(invitation.Role))
        {
            return Problems.Forbidden($"The {TenantRoles.Name(caller.Role)} role may not revoke an invitation as {TenantRoles.Name(invitation.Role)}.");
        }

        db.Invitations.Remove(invitation);
        audit.Add(db, "revoke", "invitation", invitation.Id, View(invitation, time.GetUtcNow().UtcDateTime), null);
        await db.SaveChangesAsync(ct);
        return Results.NoContent();
    }

    public static InvitationView View(Invitation i, DateTime now) => new(
        i.Id,
        i.Email,
        TenantRoles.Name(i.Role),
        i.AcceptedAt is not null ? "accepted" : i.ExpiresAt <= now ? "expired" : "pending",
        i.InvitedBy,
        i.CreatedAt,
        i.ExpiresAt,
        i.AcceptedAt);
}

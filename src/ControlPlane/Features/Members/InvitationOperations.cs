using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Platform.ControlPlane.Access;
using Platform.ControlPlane.Api;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Features.Members;

/// <summary>
/// Invite someone by e-mail with a role (never one the caller could not grant), list, revoke. The
/// link carries a token that works once for 7 days; only its hash is stored. Accepting, which needs
/// no tenant, is <see cref="InvitationAcceptance"/>.
/// </summary>
internal sealed class InvitationOperations(
    PlatformDbContext db, Caller caller, AuditLog audit, IValidator<InvitationInput> validator, InvitationIssuer issuer,
    UserManager<PlatformUser> users, InvitationAcceptance acceptance, TimeProvider time) : IInvitationOperations
{
    private const string What = "invitation";

    public async Task<Outcome<Page<InvitationView>>> ListAsync(InvitationQuery query, CancellationToken ct)
    {
        if (caller.Refuses(Permission.ManageMembers) is { } refusal)
        {
            return refusal;
        }

        if (query.Status is { Length: > 0 } status && !InvitationQuery.Statuses.Contains(status))
        {
            return Failure.Invalid(nameof(InvitationQuery.Status), $"Unknown status '{status}'; use pending, accepted or expired.");
        }

        var now = Now;
        var paging = Paging.From(query.Page, query.PageSize);
        var invitations = query.Status switch
        {
            "pending" => db.Invitations.Where(i => i.AcceptedAt == null && i.ExpiresAt > now),
            "accepted" => db.Invitations.Where(i => i.AcceptedAt != null),
            "expired" => db.Invitations.Where(i => i.AcceptedAt == null && i.ExpiresAt <= now),
            _ => db.Invitations,
        };
        var total = await invitations.CountAsync(ct);
        var rows = await invitations.AsNoTracking().OrderByDescending(i => i.CreatedAt).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return Outcome.Ok(new Page<InvitationView>([.. rows.Select(i => View(i, now))], paging.PageNumber, paging.PageSize, total));
    }

    public async Task<Outcome<InvitationView>> GetAsync(Guid id, CancellationToken ct)
    {
        if (caller.Refuses(Permission.ManageMembers) is { } refusal)
        {
            return refusal;
        }

        return await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct) is { } invitation
            ? Outcome.Ok(View(invitation, Now))
            : Failure.NotFound(What);
    }

    public async Task<Outcome<InvitationCreated>> CreateAsync(InvitationInput input, CancellationToken ct)
    {
        if ((caller.Refuses(Permission.ManageMembers) ?? await InvalidAsync(input, ct)) is { } refusal)
        {
            return refusal;
        }

        if (!TenantRoles.TryParse(input.Role, out var role) || !caller.Role.MayGrant(role))
        {
            return Failure.Forbidden($"The {TenantRoles.Name(caller.Role)} role may not invite a {TenantRoles.Name(role)}.");
        }

        var email = input.Email.Trim();
        var normalized = users.NormalizeEmail(email);
        if (await db.Memberships.Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.NormalizedEmail).AnyAsync(e => e == normalized, ct))
        {
            return Failure.Conflict($"{email} is already a member of this tenant.", nameof(InvitationInput.Email));
        }

        var now = Now;
        var pending = await db.Invitations.Where(i => i.AcceptedAt == null && i.ExpiresAt > now).Select(i => i.Email).ToListAsync(ct);
        if (pending.Any(e => users.NormalizeEmail(e) == normalized))
        {
            return Failure.Conflict($"{email} already has a pending invitation; revoke it to send a new one.", nameof(InvitationInput.Email));
        }

        var tenantName = await db.Tenants.Where(t => t.Id == caller.TenantId).Select(t => t.Name).SingleAsync(ct);
        var (invitation, token) = issuer.Add(db, email, role, caller.Actor);

        // Sent before the save: when the e-mail fails (EmailDeliveryException), nothing is saved.
        var created = await issuer.DeliverAsync(invitation, token, tenantName, ct);
        audit.Add(db, "create", "invitation", invitation.Id, null, created.Invitation);
        await db.SaveChangesAsync(ct);
        return Outcome.Ok(created);
    }

    public async Task<Outcome<InvitationView>> RevokeAsync(Guid id, CancellationToken ct)
    {
        if (caller.Refuses(Permission.ManageMembers) is { } refusal)
        {
            return refusal;
        }

        if (await db.Invitations.SingleOrDefaultAsync(i => i.Id == id, ct) is not { } invitation)
        {
            return Failure.NotFound(What);
        }

        if (invitation.AcceptedAt is not null)
        {
            return Failure.Conflict("This invitation was accepted already; remove the member instead.");
        }

        if (!caller.Role.MayGrant(invitation.Role))
        {
            return Failure.Forbidden($"The {TenantRoles.Name(caller.Role)} role may not revoke an invitation as {TenantRoles.Name(invitation.Role)}.");
        }

        var before = View(invitation, Now);
        db.Invitations.Remove(invitation);
        audit.Add(db, "revoke", "invitation", invitation.Id, before, null);
        await db.SaveChangesAsync(ct);
        return Outcome.Ok(before);
    }

    public Task<Outcome<InvitationPreview>> PreviewAsync(string token, CancellationToken ct) => acceptance.PreviewAsync(token, ct);

    public Task<Outcome<AcceptedInvitation>> AcceptAsync(AcceptInvitationInput input, ClaimsPrincipal user, CancellationToken ct) =>
        acceptance.AcceptAsync(input, user, ct);

    public static InvitationView View(Invitation i, DateTime now) => new(
        i.Id,
        i.Email,
        TenantRoles.Name(i.Role),
        i.AcceptedAt is not null ? "accepted" : i.ExpiresAt <= now ? "expired" : "pending",
        i.InvitedBy,
        i.CreatedAt,
        i.ExpiresAt,
        i.AcceptedAt);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private async Task<Failure?> InvalidAsync(InvitationInput input, CancellationToken ct) =>
        await validator.ValidateAsync(input, ct) is { IsValid: false } result ? Failure.Invalid(result) : null;
}

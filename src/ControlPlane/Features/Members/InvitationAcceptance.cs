using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Platform.ControlPlane.Access;
using Platform.ControlPlane.Api;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Features.Members;

/// <summary>
/// Accepting an invitation, anonymous: the token is the credential. A valid, unused, unexpired
/// token makes the invited e-mail a member with the invited role. When no account has that e-mail,
/// one is created (Identity's password rules); when one exists, its owner must be signed in, so a
/// leaked link cannot attach someone else's account. The user, membership, used invitation and
/// audit entries are one save: all land or none do. A used or expired token is a conflict on
/// <see cref="AcceptInvitationInput.Token"/>, which the API answers as 410 Gone.
/// </summary>
internal sealed class InvitationAcceptance(
    PlatformDbContext db, TenantContext scope, UserManager<PlatformUser> users, Caller caller, AuditLog audit,
    IValidator<AcceptInvitationInput> validator, TimeProvider time)
{
    public static readonly Failure NotValid = new(OutcomeStatus.NotFound, "This invitation link is not valid.", new Dictionary<string, string[]>());

    public async Task<Outcome<InvitationPreview>> PreviewAsync(string token, CancellationToken ct)
    {
        var found = await FindAsync(token, ct);
        if (!found.Succeeded)
        {
            return found.Failure;
        }

        var (invitation, tenant) = found.Value;
        var exists = await users.FindByEmailAsync(invitation.Email) is not null;
        return Outcome.Ok(new InvitationPreview(tenant.Name, TenantRoles.Name(invitation.Role), invitation.Email, invitation.ExpiresAt, exists));
    }

    public async Task<Outcome<AcceptedInvitation>> AcceptAsync(AcceptInvitationInput input, ClaimsPrincipal principal, CancellationToken ct)
    {
        if (await validator.ValidateAsync(input, ct) is { IsValid: false } invalid)
        {
            return Failure.Invalid(invalid);
        }

        var found = await FindAsync(input.Token, ct);
        if (!found.Succeeded)
        {
            return found.Failure;
        }

        var (invitation, tenant) = found.Value;
        var now = time.GetUtcNow().UtcDateTime;
        scope.Set(invitation.TenantId);
        var before = InvitationOperations.View(invitation, now);
        var user = await users.FindByEmailAsync(invitation.Email);
        var created = user is null;
        if (user is null)
        {
            var made = await NewUserAsync(invitation.Email, input);
            if (!made.Succeeded)
            {
                return made.Failure;
            }

            user = made.Value;
            db.Users.Add(user);
        }
        else if (SignedInUserId(principal) is not { } signedIn)
        {
            return Failure.Unauthorized($"An account with {invitation.Email} exists: sign in with it, then accept the invitation.");
        }
        else if (signedIn != user.Id)
        {
            return Failure.Forbidden($"This invitation is for {invitation.Email}; you are signed in as someone else.");
        }
        else if (await db.Memberships.AnyAsync(m => m.UserId == user.Id, ct))
        {
            return Failure.Conflict($"{invitation.Email} is already a member of {tenant.Name}.");
        }

        var membership = new Membership { UserId = user.Id, Role = invitation.Role, CreatedAt = now };
        db.Memberships.Add(membership);
        invitation.AcceptedAt = now;

        // The new member is the actor of their own joining.
        caller.ForUser(invitation.TenantId, invitation.Role, user.Id, user.Email!, user.IsPlatformOperator);
        if (created)
        {
            audit.Add(db, "create", "user", user.Id, null, new { user.Email, user.DisplayName });
        }

        audit.Add(db, "accept", "invitation", invitation.Id, before, InvitationOperations.View(invitation, now));
        audit.Add(db, "create", "member", user.Id, null, MemberOperations.View(membership, user));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Spent("This invitation has been used already.");
        }
        catch (DbUpdateException)
        {
            // A unique index (the account's e-mail, the membership) caught a concurrent accept.
            return Failure.Conflict("This invitation was accepted concurrently; sign in to check.");
        }

        return Outcome.Ok(new AcceptedInvitation(
            tenant.Id, tenant.Slug, tenant.Name, TenantRoles.Name(invitation.Role), user.Id, user.Email!, created));
    }

    /// <summary>Whether a refusal means the token was good once but is spent (used or expired): the API's 410.</summary>
    public static bool IsSpent(Failure failure) =>
        failure.Status == OutcomeStatus.Conflict && failure.Errors.ContainsKey(nameof(AcceptInvitationInput.Token));

    /// <summary>The invitation (tracked) and its tenant, when the token is valid, unused, unexpired and the tenant enabled.</summary>
    private async Task<Outcome<(Invitation Invitation, Tenant Tenant)>> FindAsync(string token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 200)
        {
            return NotValid;
        }

        // Before acceptance the tenant is known only from the token: an explicit cross-tenant read by its hash.
        var hash = InvitationToken.Hash(token.Trim());
        if (await db.Invitations.IgnoreQueryFilters().SingleOrDefaultAsync(i => i.TokenHash == hash, ct) is not { } invitation)
        {
            return NotValid;
        }

        if (invitation.AcceptedAt is not null)
        {
            return Spent("This invitation has been used already.");
        }

        if (invitation.ExpiresAt <= time.GetUtcNow().UtcDateTime)
        {
            return Spent("This invitation has expired; ask for a new one.");
        }

        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == invitation.TenantId, ct);
        return tenant.Disabled ? Failure.Forbidden("This tenant is disabled.") : Outcome.Ok((invitation, tenant));
    }

    /// <summary>
    /// Validates and builds the account as <see cref="UserManager{TUser}.CreateAsync(TUser, string)"/>
    /// would, without its own save, so the account lands in the same save as the membership.
    /// </summary>
    private async Task<Outcome<PlatformUser>> NewUserAsync(string email, AcceptInvitationInput input)
    {
        if (string.IsNullOrEmpty(input.Password))
        {
            return Failure.Invalid(nameof(AcceptInvitationInput.Password), "A password is required to create your account.");
        }

        var user = new PlatformUser
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            NormalizedUserName = users.NormalizeName(email),
            Email = email,
            NormalizedEmail = users.NormalizeEmail(email),

            // The link reached this address: that confirms it.
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(input.DisplayName) ? null : input.DisplayName.Trim(),
            SecurityStamp = Guid.NewGuid().ToString("N"),
            LockoutEnabled = users.Options.Lockout.AllowedForNewUsers,
        };
        var errors = new List<IdentityError>();
        foreach (var userValidator in users.UserValidators)
        {
            errors.AddRange((await userValidator.ValidateAsync(users, user)).Errors);
        }

        foreach (var passwordValidator in users.PasswordValidators)
        {
            errors.AddRange((await passwordValidator.ValidateAsync(users, user, input.Password)).Errors);
        }

        if (errors.Count > 0)
        {
            return Failure.Invalid(errors
                .GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(AcceptInvitationInput.Password) : "Email")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
        }

        user.PasswordHash = users.PasswordHasher.HashPassword(user, input.Password);
        return Outcome.Ok(user);
    }

    /// <summary>The signed-in user (cookie or a user's bearer token); null for anonymous callers and API clients.</summary>
    private static Guid? SignedInUserId(ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true
        && principal.FindFirst(PlatformClaims.ClientId) is null
        && Guid.TryParse(principal.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? principal.FindFirst(OpenIddictConstants.Claims.Subject)?.Value, out var id)
            ? id
            : null;

    private static Failure Spent(string detail) => Failure.Conflict(detail, nameof(AcceptInvitationInput.Token));
}

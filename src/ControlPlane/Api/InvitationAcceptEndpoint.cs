using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Platform.ControlPlane.Access;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Management;

namespace Platform.ControlPlane.Api;

/// <summary>
/// <c>POST /api/v1/invitations/accept</c>, anonymous: the token is the credential. A valid, unused,
/// unexpired token makes the invited e-mail a member with the invited role. When no account has
/// that e-mail, one is created (Identity's password rules; 400 with its messages); when one exists,
/// its owner must be signed in, so a leaked link cannot attach someone else's account. The user,
/// membership, used invitation and audit entries are one save: all land or none do.
/// </summary>
internal static class InvitationAcceptEndpoint
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/invitations/accept", AcceptAsync).Validates<AcceptInvitationInput>().AllowAnonymous().WithTags("Invitations");

    private static async Task<IResult> AcceptAsync(
        AcceptInvitationInput input, HttpContext http, PlatformDbContext db, TenantContext scope, UserManager<PlatformUser> users,
        Caller caller, AuditLog audit, TimeProvider time, CancellationToken ct)
    {
        // Before acceptance the tenant is known only from the token: an explicit cross-tenant read by its hash.
        var hash = InvitationToken.Hash(input.Token.Trim());
        var invitation = await db.Invitations.IgnoreQueryFilters().SingleOrDefaultAsync(i => i.TokenHash == hash, ct);
        var now = time.GetUtcNow().UtcDateTime;
        if (invitation is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "This invitation link is not valid.");
        }

        if (invitation.AcceptedAt is not null)
        {
            return Gone("This invitation has been used already.");
        }

        if (invitation.ExpiresAt <= now)
        {
            return Gone("This invitation has expired; ask for a new one.");
        }

        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == invitation.TenantId, ct);
        if (tenant.Disabled)
        {
            return Problems.Forbidden("This tenant is disabled.");
        }

        scope.Set(invitation.TenantId);
        var before = InvitationEndpoints.View(invitation, now);
        var user = await users.FindByEmailAsync(invitation.Email);
        var created = user is null;
        if (user is null)
        {
            var made = await NewUserAsync(users, invitation.Email, input);
            if (made.Errors is { } errors)
            {
                return Results.ValidationProblem(errors, title: "Invalid input");
            }

            user = made.User!;
            db.Users.Add(user);
        }
        else if (SignedInUserId(http.User) is not { } signedIn)
        {
            return Problems.Unauthorized($"An account with {invitation.Email} exists: sign in with it, then accept the invitation.");
        }
        else if (signedIn != user.Id)
        {
            return Problems.Forbidden($"This invitation is for {invitation.Email}; you are signed in as someone else.");
        }
        else if (await db.Memberships.AnyAsync(m => m.UserId == user.Id, ct))
        {
            return Problems.Conflict($"{invitation.Email} is already a member of {tenant.Name}.");
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

        audit.Add(db, "accept", "invitation", invitation.Id, before, InvitationEndpoints.View(invitation, now));
        audit.Add(db, "create", "member", user.Id, null, MemberEndpoints.View(membership, user));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Gone("This invitation has been used already.");
        }
        catch (DbUpdateException)
        {
            // A unique index (the account's e-mail, the membership) caught a concurrent accept.
            return Problems.Conflict("This invitation was accepted concurrently; sign in to check.");
        }

        return Results.Ok(new AcceptedInvitation(
            tenant.Id, tenant.Slug, tenant.Name, TenantRoles.Name(invitation.Role), user.Id, user.Email!, created));
    }

    /// <summary>
    /// Validates and builds the account as <see cref="UserManager{TUser}.CreateAsync(TUser, string)"/>
    /// would, without its own save, so the account lands in the same save as the membership.
    /// </summary>
    private static async Task<(PlatformUser? User, Dictionary<string, string[]>? Errors)> NewUserAsync(
        UserManager<PlatformUser> users, string email, AcceptInvitationInput input)
    {
        if (string.IsNullOrEmpty(input.Password))
        {
            return (null, new() { ["password"] = ["A password is required to create your account."] });
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
        foreach (var validator in users.UserValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, user)).Errors);
        }

        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, user, input.Password)).Errors);
        }

        if (errors.Count > 0)
        {
            return (null, errors
                .GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "email")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
        }

        user.PasswordHash = users.PasswordHasher.HashPassword(user, input.Password);
        return (user, null);
    }

    /// <summary>The signed-in user (cookie or a user's bearer token); null for anonymous callers and API clients.</summary>
    private static Guid? SignedInUserId(ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true
        && principal.FindFirst(PlatformClaims.ClientId) is null
        && Guid.TryParse(principal.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? principal.FindFirst(OpenIddictConstants.Claims.Subject)?.Value, out var id)
            ? id
            : null;

    private static IResult Gone(string detail) => Results.Problem(statusCode: StatusCodes.Status410Gone, title: "Gone", detail: detail);
}

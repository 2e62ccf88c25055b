using FluentValidation;

namespace Platform.Shared.Management;

/// <summary>An invitation as the API shows it: never its token. <see cref="Status"/> is <c>pending</c>, <c>accepted</c> or <c>expired</c>.</summary>
public sealed record InvitationView(
    Guid Id, string Email, string Role, string Status, string InvitedBy, DateTime CreatedAt, DateTime ExpiresAt, DateTime? AcceptedAt);

/// <summary>
/// The answer to create. <see cref="Link"/> is set only when no SMTP server is configured, so the
/// embedded default stays usable: whoever invited passes the link on. With SMTP it is null, and the
/// link exists only in the e-mail.
/// </summary>
public sealed record InvitationCreated(InvitationView Invitation, bool Emailed, string? Link);

/// <summary>A page of invitations, newest first; <see cref="Status"/> one of <see cref="Statuses"/>, or all.</summary>
public sealed record InvitationQuery(string? Status = null, int? Page = null, int? PageSize = null)
{
    public static readonly IReadOnlyList<string> Statuses = ["pending", "accepted", "expired"];
}

/// <summary>
/// What the holder of an invitation link sees before accepting: the tenant, the role and the
/// invited e-mail, and whether that e-mail has an account already (then its owner signs in first).
/// </summary>
public sealed record InvitationPreview(string TenantName, string Role, string Email, DateTime ExpiresAt, bool AccountExists);

public sealed record InvitationInput
{
    public string Email { get; init; } = "";

    /// <summary><c>owner</c>, <c>admin</c>, <c>finance</c> or <c>viewer</c>.</summary>
    public string Role { get; init; } = "viewer";
}

public sealed class InvitationInputValidator : AbstractValidator<InvitationInput>
{
    public InvitationInputValidator()
    {
        RuleFor(i => i.Email).NotEmpty().MaximumLength(256).EmailAddress();
        RuleFor(i => i.Role).Must(r => TenantRoles.TryParse(r, out _)).WithMessage("Role must be owner, admin, finance or viewer.");
    }
}

/// <summary>
/// Accept an invitation with the token from its link. <see cref="Password"/> (and optionally
/// <see cref="DisplayName"/>) create the account when none exists for the invited e-mail; an
/// existing account must be signed in instead.
/// </summary>
public sealed record AcceptInvitationInput
{
    public string Token { get; init; } = "";

    public string? Password { get; init; }

    public string? DisplayName { get; init; }
}

public sealed class AcceptInvitationInputValidator : AbstractValidator<AcceptInvitationInput>
{
    public AcceptInvitationInputValidator()
    {
        RuleFor(a => a.Token).NotEmpty().MaximumLength(200);
        RuleFor(a => a.Password).MaximumLength(200);
        RuleFor(a => a.DisplayName).MaximumLength(100);
    }
}

/// <summary>The answer to accept: the tenant joined, with which role, and whether an account was created.</summary>
public sealed record AcceptedInvitation(Guid TenantId, string Tenant, string TenantName, string Role, Guid UserId, string Email, bool AccountCreated);

using System.Security.Claims;

namespace Platform.Shared.Management.Operations;

/// <summary>
/// Invitations, for the management API (<c>/api/v1/invitations</c>) and the dashboard's members and
/// invite pages alike. Inviting, listing and revoking need the right to manage members and never
/// touch a role the caller could not grant. <see cref="PreviewAsync"/> and <see cref="AcceptAsync"/>
/// need no tenant: the link's token is the credential.
/// </summary>
public interface IInvitationOperations
{
    Task<Outcome<Page<InvitationView>>> ListAsync(InvitationQuery query, CancellationToken ct);

    Task<Outcome<InvitationView>> GetAsync(Guid id, CancellationToken ct);

    /// <summary>E-mails the link when SMTP is configured; otherwise the answer carries it, the only time it is shown.</summary>
    /// <exception cref="Mail.EmailDeliveryException">The e-mail could not be sent; nothing was saved.</exception>
    Task<Outcome<InvitationCreated>> CreateAsync(InvitationInput input, CancellationToken ct);

    /// <summary>Deletes a pending or expired invitation, so its link stops working at once.</summary>
    /// <returns>The invitation as it was.</returns>
    Task<Outcome<InvitationView>> RevokeAsync(Guid id, CancellationToken ct);

    /// <summary>What the link's holder is invited to. A used or expired token is a conflict on <c>Token</c>.</summary>
    Task<Outcome<InvitationPreview>> PreviewAsync(string token, CancellationToken ct);

    /// <summary>
    /// Makes the invited e-mail a member. Without an account for it, <see cref="AcceptInvitationInput.Password"/>
    /// creates one; with one, <paramref name="user"/> must be that account signed in, so a leaked link cannot
    /// attach someone else's account. A used or expired token is a conflict on <c>Token</c>.
    /// </summary>
    /// <param name="user">Who is signed in, if anyone (the request's principal).</param>
    Task<Outcome<AcceptedInvitation>> AcceptAsync(AcceptInvitationInput input, ClaimsPrincipal user, CancellationToken ct);
}

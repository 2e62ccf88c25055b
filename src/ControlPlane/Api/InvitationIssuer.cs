using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Platform.ControlPlane.Access;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Mail;
using Platform.Shared.Management;

namespace Platform.ControlPlane.Api;

/// <summary>
/// Makes an invitation and delivers its link: by e-mail when SMTP is configured, otherwise in the
/// API's answer (the embedded default has no mail server). Used by the invitation endpoint and by
/// tenant creation (the first owner). The token lives only in memory, the e-mail and that answer.
/// </summary>
internal sealed class InvitationIssuer(IEmailSender mail, IOptions<AccessOptions> access, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    /// <summary>Adds the invitation to <paramref name="db"/> (not saved) for the tenant in its scope; returns it with its token.</summary>
    public (Invitation Invitation, string Token) Add(PlatformDbContext db, string email, TenantRole role, string invitedBy)
    {
        var token = InvitationToken.Generate();
        var now = time.GetUtcNow().UtcDateTime;
        var invitation = new Invitation
        {
            CreatedAt = now,
            Email = email.Trim(),
            Role = role,
            TokenHash = InvitationToken.Hash(token),
            ExpiresAt = now + Lifetime,
            InvitedBy = invitedBy,
        };
        db.Invitations.Add(invitation);
        return (invitation, token);
    }

    /// <summary>
    /// Sends the link, or returns it in the answer when no SMTP server is configured. Call before
    /// saving: when the e-mail fails (<see cref="EmailDeliveryException"/>), nothing should be saved.
    /// </summary>
    public async Task<InvitationCreated> DeliverAsync(Invitation invitation, string token, string tenantName, CancellationToken ct)
    {
        var link = $"{access.Value.PublicBaseUrl.TrimEnd('/')}/invite/{token}";
        var view = InvitationEndpoints.View(invitation, time.GetUtcNow().UtcDateTime);
        if (!mail.IsConfigured)
        {
            return new InvitationCreated(view, Emailed: false, link);
        }

        await mail.SendAsync(Message(invitation, tenantName, link), ct);
        return new InvitationCreated(view, Emailed: true, null);
    }

    /// <summary>The answer when the e-mail could not be sent.</summary>
    public static ProblemHttpResult NotSent() => TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "E-mail not sent",
        detail: "The invitation e-mail could not be sent (the server log has the reason); nothing was saved. Try again later.");

    private static EmailMessage Message(Invitation invitation, string tenantName, string link)
    {
        var role = TenantRoles.Name(invitation.Role);
        var expires = invitation.ExpiresAt.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
        var text = $"""
            You have been invited to join {tenantName} on Platform as {role}.

            Accept the invitation: {link}

            The link works once and expires on {expires}. If you did not expect this e-mail, ignore it.
            """;
        var html = $"""
            <p>You have been invited to join <strong>{WebUtility.HtmlEncode(tenantName)}</strong> on Platform as {role}.</p>
            <p><a href="{WebUtility.HtmlEncode(link)}">Accept the invitation</a></p>
            <p>The link works once and expires on {expires}. If you did not expect this e-mail, ignore it.</p>
            """;
        return new EmailMessage(invitation.Email, $"You are invited to {tenantName}", text, html);
    }
}

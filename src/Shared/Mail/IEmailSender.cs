namespace Platform.Shared.Mail;

/// <summary>Sends e-mail (invitations, budget alerts). The only implementation is <see cref="SmtpEmailSender"/>.</summary>
public interface IEmailSender
{
    /// <summary>False when no SMTP server is configured: callers decide what to do instead (show a link, skip an alert).</summary>
    bool IsConfigured { get; }

    /// <exception cref="EmailDeliveryException">Not configured, or the server refused or could not be reached.</exception>
    Task SendAsync(EmailMessage message, CancellationToken ct);
}

using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Platform.Shared.Mail;

/// <summary>
/// One SMTP connection per message (connect, send, disconnect): mail here is rare (invitations,
/// alerts), and a pooled connection would only add reconnect logic. Failures are logged with the
/// server and MailKit's reason; credentials, recipients and bodies are never logged.
/// </summary>
public sealed partial class SmtpEmailSender(IOptions<SmtpOptions> options, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public bool IsConfigured => options.Value.IsConfigured;

    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        var smtp = options.Value;
        if (!smtp.IsConfigured || smtp.Host is not { } host)
        {
            throw new EmailDeliveryException($"No SMTP server is configured ({SmtpOptions.Section}:Host).");
        }

        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        try
        {
            var mime = Build(message, smtp);
            await client.ConnectAsync(host, smtp.Port, SecurityOf(smtp), ct);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
            }

            await client.SendAsync(mime, ct);
            await client.DisconnectAsync(quit: true, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogFailed(logger, host, smtp.Port, ex.GetType().Name, ex.Message);
            throw new EmailDeliveryException($"The e-mail could not be sent through {host}:{smtp.Port} ({ex.GetType().Name}: {ex.Message}).", ex);
        }
    }

    private static SecureSocketOptions SecurityOf(SmtpOptions smtp) => smtp switch
    {
        { UseTls: false } => SecureSocketOptions.None,
        { Port: 465 } => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };

    private static MimeMessage Build(EmailMessage message, SmtpOptions smtp)
    {
        var mime = new MimeMessage { Subject = message.Subject };
        mime.From.Add(MailboxAddress.Parse(smtp.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        var body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html };
        foreach (var attachment in message.Attachments ?? [])
        {
            body.Attachments.Add(attachment.FileName, attachment.Content.ToArray(), ContentType.Parse(attachment.ContentType));
        }

        mime.Body = body.ToMessageBody();
        return mime;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "E-mail not sent through SMTP server {Host}:{Port}: {Error}: {Reason}")]
    private static partial void LogFailed(ILogger logger, string host, int port, string error, string reason);
}

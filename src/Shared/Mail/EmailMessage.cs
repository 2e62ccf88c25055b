namespace Platform.Shared.Mail;

/// <summary>One e-mail to one recipient: a plain-text body always, an HTML alternative and attachments optionally.</summary>
public sealed record EmailMessage(string To, string Subject, string Text, string? Html = null, IReadOnlyList<EmailAttachment>? Attachments = null);

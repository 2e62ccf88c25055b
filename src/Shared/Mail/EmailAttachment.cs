namespace Platform.Shared.Mail;

/// <summary>A file sent with an e-mail, e.g. the monthly finance CSV.</summary>
public sealed record EmailAttachment(string FileName, string ContentType, ReadOnlyMemory<byte> Content);

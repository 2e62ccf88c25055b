namespace Platform.Shared.Mail;

/// <summary>An e-mail was not sent. The message names the server, never its credentials.</summary>
public sealed class EmailDeliveryException : Exception
{
    public EmailDeliveryException()
    {
    }

    public EmailDeliveryException(string message)
        : base(message)
    {
    }

    public EmailDeliveryException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

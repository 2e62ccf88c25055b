using MimeKit;

namespace Platform.Shared.Mail;

/// <summary>Section <c>Smtp</c>: the outgoing mail server. No <see cref="Host"/> means no e-mail is sent.</summary>
public sealed record SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; init; }

    public int Port { get; init; } = 25;

    /// <summary>The sender, an address or <c>Name &lt;address&gt;</c>.</summary>
    public string From { get; init; } = "Platform <platform@localhost>";

    /// <summary>
    /// TLS on connect for port 465, STARTTLS on any other port. False sends in the clear, which is
    /// for a relay on loopback only.
    /// </summary>
    public bool UseTls { get; init; }

    /// <summary>Optional; with <see cref="Password"/> the client authenticates. Set the password through the environment (<c>Smtp__Password</c>).</summary>
    public string? UserName { get; init; }

    public string? Password { get; init; }

    public int TimeoutSeconds { get; init; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    /// <summary>Every problem with these options, as sentences an operator can act on.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!IsConfigured)
        {
            return errors;
        }

        if (Port is < 1 or > 65535)
        {
            errors.Add($"{Section}:Port {Port} is not a TCP port.");
        }

        if (!MailboxAddress.TryParse(From, out _))
        {
            errors.Add($"{Section}:From '{From}' is not an e-mail address.");
        }

        if (TimeoutSeconds < 1)
        {
            errors.Add($"{Section}:TimeoutSeconds must be at least 1.");
        }

        if (string.IsNullOrEmpty(UserName) != string.IsNullOrEmpty(Password))
        {
            errors.Add($"{Section}:UserName and {Section}:Password are set together or not at all.");
        }

        return errors;
    }
}

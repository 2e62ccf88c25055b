using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Shared.Mail;

namespace Platform.ControlPlane.Tests;

/// <summary>The SMTP sender on its own: delivery to a real server (maildev), and a failure that is logged without credentials.</summary>
[Collection(MailCollection.Name)]
public sealed class SmtpEmailSenderTests(MailFixture mail)
{
    [Fact]
    public async Task SendAsync_ToMailDev_DeliversTextAndHtmlFromTheConfiguredSender()
    {
        var to = $"alert-{Guid.NewGuid():N}@example.test";
        var sender = Sender(new SmtpOptions { Host = "127.0.0.1", Port = mail.Mail.SmtpPort, From = "Budgets <budgets@platform.test>" }, new ListLogger());

        await sender.SendAsync(new EmailMessage(to, "Budget at 80%", "plain body", "<p>html body</p>"), CancellationToken.None);
        var received = await mail.Mail.WaitForMailToAsync(to);

        Assert.Equal("Budget at 80%", received.GetProperty("subject").GetString());
        Assert.Contains("plain body", received.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("<p>html body</p>", received.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Equal("budgets@platform.test", received.GetProperty("from")[0].GetProperty("address").GetString());
    }

    [Fact]
    public async Task SendAsync_ServerNotListening_ThrowsAndLogsTheServer_NeverThePassword()
    {
        var port = ClosedPort();
        var logger = new ListLogger();
        var sender = Sender(new SmtpOptions { Host = "127.0.0.1", Port = port, UserName = "mailer", Password = "s3cret-Pa55word", TimeoutSeconds = 5 }, logger);

        var error = await Assert.ThrowsAsync<EmailDeliveryException>(() =>
            sender.SendAsync(new EmailMessage("someone@example.test", "subject", "body"), CancellationToken.None));

        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        var logged = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Error, logged.Level);
        Assert.Contains($"127.0.0.1:{port}", logged.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-Pa55word", logged.Message + error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("someone@example.test", logged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_NotConfigured_Throws_AndSaysSo()
    {
        var sender = Sender(new SmtpOptions(), new ListLogger());

        var error = await Assert.ThrowsAsync<EmailDeliveryException>(() =>
            sender.SendAsync(new EmailMessage("someone@example.test", "subject", "body"), CancellationToken.None));

        Assert.False(sender.IsConfigured);
        Assert.Contains("Smtp:Host", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "Platform <p@x.test>", null, null, "Smtp:Port")]
    [InlineData(25, "not an address", null, null, "Smtp:From")]
    [InlineData(25, "p@x.test", "user", null, "Smtp:UserName")]
    public void Validate_BadSettings_NamesTheSetting(int port, string from, string? user, string? password, string expected)
    {
        var errors = new SmtpOptions { Host = "smtp.example.test", Port = port, From = from, UserName = user, Password = password }.Validate();

        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    private static SmtpEmailSender Sender(SmtpOptions options, ListLogger logger) => new(Options.Create(options), logger);

    /// <summary>A loopback port nobody listens on: bound, then released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class ListLogger : ILogger<SmtpEmailSender>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}

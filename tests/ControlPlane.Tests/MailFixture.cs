namespace Platform.ControlPlane.Tests;

/// <summary>
/// A control-plane host of its own whose <c>Smtp</c> section points at a maildev server, for the
/// tests that read real e-mail. The shared fixture has no SMTP server, like the embedded default.
/// </summary>
public sealed class MailFixture : IAsyncLifetime
{
    public const string PublicBaseUrl = "http://dashboard.platform.test:5200";

    public MailDevServer Mail { get; private set; } = null!;

    public ControlPlaneFixture ControlPlane { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Mail = await MailDevServer.StartAsync();
        ControlPlane = new ControlPlaneFixture(new Dictionary<string, string>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = Mail.SmtpPort.ToString(),
            ["Smtp:From"] = "Platform <noreply@platform.test>",
            ["Access:PublicBaseUrl"] = PublicBaseUrl,
            ["Jobs:DashboardUrl"] = PublicBaseUrl,

            // Budget alert webhooks retry within a run after 2 s, 4 s, ...: milliseconds here.
            ["Jobs:BudgetAlerts:WebhookRetryDelay"] = "00:00:00.010",
        });
        await ControlPlane.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (ControlPlane is not null)
        {
            await ControlPlane.DisposeAsync();
        }

        if (Mail is not null)
        {
            await Mail.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class MailCollection : ICollectionFixture<MailFixture>
{
    public const string Name = "control plane with mail";
}

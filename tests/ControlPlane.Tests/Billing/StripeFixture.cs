namespace Platform.ControlPlane.Tests.Billing;

/// <summary>
/// A control-plane host of its own whose <c>Billing</c> section points Stripe.net at a
/// <see cref="FakeStripeServer"/>. Stripe.net's own retries are off, so a failure a test injects is
/// the failure the billing run sees.
/// </summary>
public sealed class StripeFixture : IAsyncLifetime
{
    public const string WebhookSecret = "whsec_test_3bd0c3b3f0c94b0c8a1e0f2d6c1a9e77";

    public FakeStripeServer Stripe { get; private set; } = null!;

    public ControlPlaneFixture ControlPlane { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Stripe = await FakeStripeServer.StartAsync();
        ControlPlane = new ControlPlaneFixture(new Dictionary<string, string>
        {
            ["Billing:Stripe:ApiKey"] = "sk_test_51FakeKeyForTheLoopbackStripe0123456789",
            ["Billing:Stripe:ApiBase"] = Stripe.ApiBase,
            ["Billing:Stripe:WebhookSecret"] = WebhookSecret,
            ["Billing:Stripe:MaxNetworkRetries"] = "0",
        });
        await ControlPlane.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (ControlPlane is not null)
        {
            await ControlPlane.DisposeAsync();
        }

        if (Stripe is not null)
        {
            await Stripe.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class StripeCollection : ICollectionFixture<StripeFixture>
{
    public const string Name = "control plane with stripe";
}

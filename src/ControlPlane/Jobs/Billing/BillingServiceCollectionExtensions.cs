using FluentValidation;
using Microsoft.Extensions.Options;
using Platform.Shared.Management;
using Stripe;

namespace Platform.ControlPlane.Jobs.Billing;

internal static class BillingServiceCollectionExtensions
{
    /// <summary>
    /// Section <c>Billing</c>, validated at start-up; Stripe.net's <see cref="IStripeClient"/> on the
    /// configured key and API base (resolved only when billing is on: without a key there is no client).
    /// </summary>
    public static IServiceCollection AddStripeBilling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BillingOptions>().Bind(configuration.GetSection(BillingOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BillingOptions>, BillingOptionsValidation>();
        services.AddSingleton<IStripeClient>(provider =>
        {
            var stripe = provider.GetRequiredService<IOptions<BillingOptions>>().Value.Stripe;
            if (string.IsNullOrWhiteSpace(stripe.ApiKey))
            {
                throw new InvalidOperationException("Stripe billing is off: set Billing:Stripe:ApiKey.");
            }

            var http = new SystemNetHttpClient(httpClient: null, maxNetworkRetries: stripe.MaxNetworkRetries, appInfo: null, enableTelemetry: false);
            return new StripeClient(stripe.ApiKey, httpClient: http, apiBase: stripe.ApiBase.TrimEnd('/'));
        });
        services.AddSingleton<StripeGateway>();
        services.AddScoped<TenantBiller>();
        services.AddScoped<StripeWebhookReceiver>();
        services.AddSingleton<IValidator<TenantPlanInput>, TenantPlanInputValidator>();
        return services;
    }

    private sealed class BillingOptionsValidation : IValidateOptions<BillingOptions>
    {
        public ValidateOptionsResult Validate(string? name, BillingOptions options) =>
            options.Validate() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}

using Microsoft.Extensions.Options;
using Platform.ControlPlane.Hosting;

namespace Platform.ControlPlane.Jobs.Alerts;

internal static class BudgetAlertServiceCollectionExtensions
{
    /// <summary>The alert job's services: options (validated at start-up), the webhook client, the signing secrets.</summary>
    public static IServiceCollection AddBudgetAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BudgetAlertOptions>().Bind(configuration.GetSection(BudgetAlertOptions.Section))
            .Validate(o => o.Validate().Count == 0, $"{BudgetAlertOptions.Section} is invalid: tries at least 1, a retry delay up to a day, a positive timeout.")
            .ValidateOnStart();

        // No redirects: a receiver cannot bounce the signed alert elsewhere. No cookies.
        services.AddHttpClient(BudgetAlertWebhooks.HttpClientName, (sp, client) =>
            {
                client.Timeout = sp.GetRequiredService<IOptions<BudgetAlertOptions>>().Value.WebhookTimeout;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("Platform-Webhooks/1");
            })
            .ConfigurePrimaryHttpMessageHandler(TenantUrlHandler.Create);
        services.AddSingleton<WebhookSigningSecrets>();
        services.AddScoped<BudgetAlertEmails>();
        services.AddScoped<BudgetAlertWebhooks>();
        services.AddScoped<BudgetAlertEvaluator>();
        return services;
    }
}

using Microsoft.Extensions.Options;

namespace Platform.ControlPlane.Jobs.Billing;

/// <summary>
/// Bills each tenant's usage through Stripe, once per closed calendar month (UTC): one invoice
/// item (usage at call-time prices plus the plan's markup) and one finalized invoice per
/// tenant-month. Invoice items rather than billing meter events, because our amount is already
/// exact money: the usage priced at call time (model prices change mid-month), with our markup. A
/// meter would re-price a quantity with a Stripe price object, one per tenant plan, kept in step
/// with ours, and could not express a per-call price. See <see cref="TenantBiller"/> for the steps
/// and why a re-run never bills twice.
/// </summary>
internal sealed partial class StripeBillingJob(TenantJobScope tenants, IOptions<BillingOptions> options, ILogger<StripeBillingJob> logger)
    : IPlatformJob
{
    public const string Id = "stripe-billing";

    /// <summary>Daily at 02:00 UTC: the month closed two hours ago, and a daily run retries yesterday's failures.</summary>
    public const string Cron = "0 2 * * *";

    private static int _offLogged;

    public Task RunAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.IsEnabled)
        {
            if (Interlocked.Exchange(ref _offLogged, 1) == 0)
            {
                LogBillingOff(logger);
            }

            return Task.CompletedTask;
        }

        return tenants.ForEachTenantAsync(
            Id, (services, tenantId, ct) => services.GetRequiredService<TenantBiller>().BillAsync(tenantId, ct), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stripe billing is off: Billing:Stripe:ApiKey is not set")]
    private static partial void LogBillingOff(ILogger logger);
}

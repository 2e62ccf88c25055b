using Microsoft.Extensions.Options;

namespace Platform.DataPlane.Budgets;

/// <summary>Reads the other data planes' spend into the ledger every <see cref="BudgetOptions.RefreshInterval"/>, off the request path.</summary>
internal sealed class BudgetRefreshService(BudgetLedger ledger, IOptions<BudgetOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await ledger.RefreshAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; nothing of the ledger needs saving (the usage events are the record).
        }
    }
}

using Hangfire;
using Microsoft.Extensions.Options;

namespace Platform.ControlPlane.Jobs;

/// <summary>Registers (or updates) every recurring job with Hangfire when the host starts.</summary>
internal sealed class JobSchedule(
    IRecurringJobManager recurring,
    IEnumerable<RecurringJobDefinition> definitions,
    IOptions<JobsOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var definition in definitions)
        {
            if (options.Value.Schedule)
            {
                recurring.AddOrUpdate<RecurringJobRunner>(
                    definition.Id, runner => runner.RunAsync(definition.Id, CancellationToken.None), definition.Cron);
            }
            else
            {
                recurring.RemoveIfExists(definition.Id);
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

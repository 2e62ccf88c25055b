using Hangfire;

namespace Platform.ControlPlane.Jobs;

/// <summary>
/// What Hangfire stores and invokes: only the job's id, so renaming a class never strands a
/// serialized job. Resolves the job in a fresh scope and runs it; two runs of one job never overlap.
/// </summary>
internal sealed class RecurringJobRunner(IServiceScopeFactory scopes, IEnumerable<RecurringJobDefinition> definitions)
{
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(string jobId, CancellationToken cancellationToken)
    {
        var definition = definitions.FirstOrDefault(d => d.Id == jobId)
            ?? throw new InvalidOperationException($"No recurring job '{jobId}' is registered.");
        await using var scope = scopes.CreateAsyncScope();
        var job = (IPlatformJob)scope.ServiceProvider.GetRequiredService(definition.JobType);
        await job.RunAsync(cancellationToken);
    }
}

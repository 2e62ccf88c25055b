namespace Platform.ControlPlane.Jobs;

/// <summary>
/// A recurring background job. Runs in its own DI scope; must be idempotent, because Hangfire
/// retries a failed run and an operator may trigger one by hand.
/// </summary>
internal interface IPlatformJob
{
    Task RunAsync(CancellationToken cancellationToken);
}

namespace Platform.Simulator.Streaming;

internal static class Delays
{
    public static Task WaitAsync(int milliseconds, TimeProvider time, CancellationToken cancellationToken) =>
        milliseconds <= 0
            ? Task.CompletedTask
            : Task.Delay(TimeSpan.FromMilliseconds(milliseconds), time, cancellationToken);
}

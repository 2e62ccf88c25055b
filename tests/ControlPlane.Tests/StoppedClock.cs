namespace Platform.ControlPlane.Tests;

/// <summary>A clock that reads one instant, for reads whose answer depends on "now" (health windows).</summary>
internal sealed class StoppedClock(DateTime utcNow) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(utcNow, TimeSpan.Zero);
}

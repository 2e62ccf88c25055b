namespace Platform.Dashboard.Tests.Components;

/// <summary>A clock that stands still, so "expired" and "expires in the future" do not depend on when the tests run.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset Noon = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => now;
}

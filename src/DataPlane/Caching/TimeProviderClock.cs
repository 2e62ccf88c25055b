using Microsoft.Extensions.Internal;

namespace Platform.DataPlane.Caching;

/// <summary><see cref="Microsoft.Extensions.Caching.Memory.MemoryCache"/> reads time through this, so tests control expiry.</summary>
internal sealed class TimeProviderClock(TimeProvider time) : ISystemClock
{
    public DateTimeOffset UtcNow => time.GetUtcNow();
}

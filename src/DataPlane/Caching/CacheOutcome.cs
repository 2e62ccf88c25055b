namespace Platform.DataPlane.Caching;

/// <summary>What the response cache did for one call; the <c>x-platform-cache</c> header says it.</summary>
internal enum CacheOutcome
{
    /// <summary>The route does not cache, or the call is sensitive.</summary>
    None,

    /// <summary>Looked up and not found: the answer came from upstream (and is stored if complete).</summary>
    Miss,

    /// <summary>Answered from the cache, without an upstream call (or after they all failed, when degraded).</summary>
    Hit,

    /// <summary>The caller asked for no cache (<c>no-cache</c> / <c>no-store</c>): neither read nor written.</summary>
    Bypass,
}

using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Platform.DataPlane.Providers.Http;

/// <summary>
/// Endpoint URLs from a provider's base URL. A base that already ends in the version segment (<c>/v1</c>,
/// <c>/v1beta</c>) is used as is; otherwise the segment is appended. So <c>https://api.openai.com</c>,
/// <c>https://api.openai.com/v1</c> and <c>https://api.openai.com/v1/</c> all reach
/// <c>https://api.openai.com/v1/chat/completions</c>, and a prefix such as <c>https://host/openai</c> is kept
/// (<c>https://host/openai/v1/chat/completions</c>). A query on the base URL (Azure's api-version) is kept.
/// </summary>
internal static class UpstreamUrls
{
    // Built once per base URL instance (one per provider per policy snapshot) and endpoint: a UriBuilder and
    // a Uri parse on every call showed in the load test's CPU profile. Keyed by reference, so a new snapshot
    // starts afresh and the old entries go with it; Uri is immutable, so requests can share one.
    private static readonly ConditionalWeakTable<Uri, ConcurrentDictionary<(string Version, string Path), Uri>> Built = new();

    public static Uri Combine(Uri baseUrl, string version, string path) =>
        Built.GetValue(baseUrl, static _ => new ConcurrentDictionary<(string, string), Uri>())
            .GetOrAdd((version, path), static (key, baseUrl) => Build(baseUrl, key.Version, key.Path), baseUrl);

    private static Uri Build(Uri baseUrl, string version, string path)
    {
        var basePath = baseUrl.AbsolutePath.TrimEnd('/');
        var versioned = basePath.EndsWith("/" + version, StringComparison.OrdinalIgnoreCase) ? basePath : basePath + "/" + version;
        var builder = new UriBuilder(baseUrl) { Path = versioned + path };
        return builder.Uri;
    }
}

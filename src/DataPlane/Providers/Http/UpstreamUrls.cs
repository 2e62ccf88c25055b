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
    public static Uri Combine(Uri baseUrl, string version, string path)
    {
        var basePath = baseUrl.AbsolutePath.TrimEnd('/');
        var versioned = basePath.EndsWith("/" + version, StringComparison.OrdinalIgnoreCase) ? basePath : basePath + "/" + version;
        var builder = new UriBuilder(baseUrl) { Path = versioned + path };
        return builder.Uri;
    }
}

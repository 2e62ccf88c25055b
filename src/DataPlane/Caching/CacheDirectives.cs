namespace Platform.DataPlane.Caching;

/// <summary>
/// The caller's say: <c>x-platform-cache: no-cache</c> (or <c>no-store</c>), or the standard
/// <c>Cache-Control: no-cache</c> / <c>no-store</c>, keeps the call out of the cache entirely:
/// not answered from it and not stored in it.
/// </summary>
internal static class CacheDirectives
{
    public const string Header = "x-platform-cache";

    public static bool Bypass(IHeaderDictionary headers) =>
        HasDirective(headers[Header]) || HasDirective(headers.CacheControl);

    private static bool HasDirective(Microsoft.Extensions.Primitives.StringValues values)
    {
        foreach (var value in values)
        {
            if (value is not null
                && (value.Contains("no-cache", StringComparison.OrdinalIgnoreCase) || value.Contains("no-store", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }
}

using Platform.DataPlane.Chat;

namespace Platform.DataPlane.Protocols;

/// <summary>Images travel as URLs; inline ones as RFC 2397 data URLs (<c>data:image/png;base64,...</c>).</summary>
internal static class DataUrl
{
    public static ContentPart ToImagePart(string url) => new(ContentPartKind.ImageUrl, url, MediaTypeOf(url));

    public static string Create(string mediaType, string base64) => string.Concat("data:", mediaType, ";base64,", base64);

    /// <summary>The media type of a data URL, or null for any other URL.</summary>
    public static string? MediaTypeOf(string url)
    {
        if (!url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var end = url.AsSpan(5).IndexOfAny(';', ',');
        return end <= 0 ? null : url.Substring(5, end);
    }

    /// <summary>Splits a base64 data URL into its media type and payload; false for anything else.</summary>
    public static bool TrySplitBase64(string url, out string mediaType, out string base64)
    {
        mediaType = "";
        base64 = "";
        var marker = url.IndexOf(";base64,", StringComparison.OrdinalIgnoreCase);
        if (!url.StartsWith("data:", StringComparison.OrdinalIgnoreCase) || marker < 5)
        {
            return false;
        }

        mediaType = url[5..marker];
        base64 = url[(marker + 8)..];
        return true;
    }
}

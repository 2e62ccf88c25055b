namespace Platform.DataPlane.Chat;

/// <summary>A piece of a message: text or an image (URL or data URL).</summary>
internal sealed record ContentPart(ContentPartKind Kind, string Value, string? MediaType = null)
{
    public static ContentPart FromText(string text) => new(ContentPartKind.Text, text);
}

internal enum ContentPartKind
{
    Text,
    ImageUrl,
}

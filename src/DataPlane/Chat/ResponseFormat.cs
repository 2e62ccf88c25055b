namespace Platform.DataPlane.Chat;

internal enum ResponseFormatKind
{
    Text,
    JsonObject,
    JsonSchema,
}

/// <summary>JSON mode; <see cref="SchemaJson"/> is the schema as text for <see cref="ResponseFormatKind.JsonSchema"/>.</summary>
internal sealed record ResponseFormat(ResponseFormatKind Kind, string? SchemaName = null, string? SchemaJson = null, bool Strict = false);

namespace Platform.DataPlane.Configuration;

internal sealed record PromptVersionDocument(
    int Version,
    string MessagesJson,
    IReadOnlyList<string> Variables,
    string? ParametersJson,
    string? ResponseSchemaJson);

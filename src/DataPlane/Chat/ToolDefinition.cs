namespace Platform.DataPlane.Chat;

/// <summary>A function the model may call; <see cref="ParametersJson"/> is its JSON schema as text.</summary>
internal sealed record ToolDefinition(string Name, string? Description, string ParametersJson);

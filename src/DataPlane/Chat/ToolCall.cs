namespace Platform.DataPlane.Chat;

/// <summary>A call the model asks the caller to make; arguments are a JSON object as text.</summary>
internal sealed record ToolCall(string Id, string Name, string ArgumentsJson);

namespace Platform.Simulator.Chat;

/// <summary>One function call; <see cref="Arguments"/> is a JSON object.</summary>
internal sealed record ToolCall(string Id, string Name, string Arguments);

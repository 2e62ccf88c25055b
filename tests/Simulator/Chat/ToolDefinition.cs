using System.Text.Json;

namespace Platform.Simulator.Chat;

/// <summary>A declared function; <see cref="Parameters"/> is its JSON schema (Undefined when absent).</summary>
internal readonly record struct ToolDefinition(string Name, JsonElement Parameters);

using Platform.DataPlane.Chat;

namespace Platform.DataPlane.Prompts;

/// <summary>The request with the prompt applied, and what the usage event records about it.</summary>
internal readonly record struct RenderedPrompt(ChatRequest Request, string Name, string? Label, int Version);

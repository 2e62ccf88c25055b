namespace Platform.Simulator.Chat;

/// <summary>What the URL says about a request: Gemini names the model and the streaming mode there.</summary>
internal readonly record struct ChatRoute(string? Model, bool Stream, bool Sse);

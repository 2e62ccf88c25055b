namespace Platform.Shared.Domain;

/// <summary>The wire format a provider speaks.</summary>
public enum ProviderKind
{
    OpenAiCompatible = 0,
    Anthropic = 1,
    Gemini = 2,

    /// <summary>The loopback simulator; speaks all three formats, addressed as OpenAI-compatible.</summary>
    Simulator = 3,
}

using Platform.DataPlane.Providers.Anthropic;
using Platform.DataPlane.Providers.Gemini;
using Platform.DataPlane.Providers.OpenAi;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Providers;

/// <summary>The adapter that speaks each <see cref="ProviderKind"/>; the simulator is addressed as OpenAI-compatible.</summary>
internal sealed class ProviderAdapters(OpenAiCompatibleAdapter openAi, AnthropicAdapter anthropic, GeminiAdapter gemini)
{
    public IProviderAdapter For(ProviderKind kind) => kind switch
    {
        ProviderKind.OpenAiCompatible or ProviderKind.Simulator => openAi,
        ProviderKind.Anthropic => anthropic,
        ProviderKind.Gemini => gemini,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No adapter for this provider kind."),
    };
}

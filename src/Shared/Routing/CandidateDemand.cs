using Platform.Shared.Domain;

namespace Platform.Shared.Routing;

/// <summary>What one request, through one route (or tier, or model) and one API key, asks of every candidate.</summary>
public readonly record struct CandidateDemand
{
    /// <summary>Output tokens assumed when the caller sets no max: room a reply needs in the context window, and the cost estimate.</summary>
    public const int DefaultOutputTokens = 256;

    /// <summary>Output tokens to plan for: the caller's max, none for embeddings, else <see cref="DefaultOutputTokens"/>.</summary>
    public static int ExpectedOutputTokens(int? maxOutputTokens, bool embeddings) =>
        maxOutputTokens ?? (embeddings ? 0 : DefaultOutputTokens);

    /// <summary>The key's allowed models; empty allows all.</summary>
    public IReadOnlySet<string>? AllowedModels { get; init; }

    public string? RouteRegion { get; init; }

    public string? CallRegion { get; init; }

    /// <summary>The route or the call is private-only.</summary>
    public bool PrivateOnly { get; init; }

    /// <summary>The route or the call is customer-facing.</summary>
    public bool CustomerFacing { get; init; }

    public ModelCapabilities RequiredCapabilities { get; init; }

    /// <summary>Input plus expected output: what must fit in the context window.</summary>
    public long ContextTokens { get; init; }

    /// <summary>The caller's max_tokens, when set.</summary>
    public int? MaxOutputTokens { get; init; }
}

using Platform.Shared.Domain;

namespace Platform.Shared.Routing;

/// <summary>What one request, through one route (or tier, or model) and one API key, asks of every candidate.</summary>
public readonly record struct CandidateDemand
{
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

using Platform.Shared.Domain;

namespace Platform.DataPlane.Configuration;

internal sealed record RouteDocument(
    string Name,
    Guid? TierId,
    IReadOnlyList<CandidateDocument> Candidates,
    RoutingStrategy Strategy,
    int? HedgeAfterMs,
    Guid? FallbackPolicyId,
    string? RequiredRegion,
    bool CustomerFacing,
    Sensitivity Sensitivity,
    string? PromptName,
    string? PromptLabel,
    bool CacheEnabled,
    int? CacheTtlSeconds);

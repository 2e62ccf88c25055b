using Platform.Shared.Domain;

namespace Platform.DataPlane.Configuration;

internal sealed record ModelDocument(
    Guid Id,
    string Name,
    Guid ProviderId,
    string UpstreamId,
    int ContextWindow,
    int MaxOutputTokens,
    ModelCapabilities Capabilities,
    decimal InputPricePerMillion,
    decimal OutputPricePerMillion,
    decimal CachedInputPricePerMillion,
    string? Region,
    bool ApprovedForCustomerFacing,
    bool Enabled);

namespace Platform.Shared.Routing;

/// <summary>
/// Why a candidate cannot serve a request. Flags, because a dry run shows every reason, not only
/// the first; the declaration order is the order reasons are reported in.
/// </summary>
[Flags]
public enum ExclusionReason
{
    None = 0,
    Disabled = 1 << 0,
    NotAllowedForKey = 1 << 1,
    Region = 1 << 2,
    PrivateOnly = 1 << 3,
    NotCustomerApproved = 1 << 4,
    Embeddings = 1 << 5,
    Streaming = 1 << 6,
    Tools = 1 << 7,
    JsonSchema = 1 << 8,
    Vision = 1 << 9,
    ContextWindow = 1 << 10,
    MaxOutputTokens = 1 << 11,
    TooSlow = 1 << 12,
    CircuitOpen = 1 << 13,
}

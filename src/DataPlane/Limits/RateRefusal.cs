namespace Platform.DataPlane.Limits;

/// <summary>Which limit refused a call, in the order they are checked.</summary>
internal enum RateRefusal
{
    None,
    KeyRequests,
    KeyTokens,
    TenantRequests,
    TenantTokens,
}

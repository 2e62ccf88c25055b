namespace Platform.DataPlane.Configuration;

/// <summary>
/// The serializable form of a snapshot: what the database said, before compilation. The loader
/// keeps one per tenant and writes them as the last-known-good file; credentials stay encrypted.
/// </summary>
internal sealed record PolicyDocument(
    int Format,
    DateTime SavedAt,
    IReadOnlyList<TenantDocument> Tenants,
    IReadOnlyList<KeyDocument> Keys)
{
    /// <summary>Bumped on an incompatible change; an older file is ignored rather than misread.</summary>
    public const int CurrentFormat = 1;
}

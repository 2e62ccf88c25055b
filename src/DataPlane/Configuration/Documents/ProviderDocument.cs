using Platform.Shared.Domain;

namespace Platform.DataPlane.Configuration;

/// <summary>A provider row; the credential is the Data Protection payload, never the plain text.</summary>
internal sealed record ProviderDocument(
    Guid Id,
    string Name,
    ProviderKind Kind,
    string BaseUrl,
    string? EncryptedCredential,
    string? Region,
    bool IsPrivate,
    bool Enabled)
{
    public override string ToString() => $"{Name} ({Kind}, {BaseUrl})";
}

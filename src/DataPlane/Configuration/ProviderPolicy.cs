using Platform.Shared.Domain;

namespace Platform.DataPlane.Configuration;

/// <summary>A provider with its credential decrypted (kept only in memory, never logged).</summary>
internal sealed record ProviderPolicy(
    Guid Id,
    string Name,
    ProviderKind Kind,
    Uri BaseUrl,
    string? Credential,
    string? Region,
    bool IsPrivate,
    bool Enabled)
{
    /// <summary>Never print the credential.</summary>
    public override string ToString() => $"{Name} ({Kind}, {BaseUrl})";
}

namespace Platform.Shared.Domain;

public sealed class Provider : TenantEntity, IPolicyEntity
{
    /// <summary>Unique per tenant; the first half of a concrete model name (<c>provider/model</c>).</summary>
    public required string Name { get; set; }

    public ProviderKind Kind { get; set; }

    public required string BaseUrl { get; set; }

    /// <summary>The credential, encrypted with ASP.NET Core Data Protection; never returned by the API.</summary>
    public string? EncryptedCredential { get; set; }

    public string? Region { get; set; }

    /// <summary>Runs in the tenant's own network or region; eligible for sensitive routes.</summary>
    public bool IsPrivate { get; set; }

    public bool Enabled { get; set; } = true;
}

namespace Platform.Shared.Domain;

/// <summary>
/// An OAuth 2 client of the management API for a tenant's automation (client credentials). The
/// secret lives, hashed, in the OpenIddict application with the same <see cref="ClientId"/>; this
/// row says which tenant the client acts for and with which role.
/// </summary>
public sealed class ApiClient : TenantEntity
{
    public required string Name { get; set; }

    public required string ClientId { get; set; }

    public TenantRole Role { get; set; }

    public DateTime? RevokedAt { get; set; }
}

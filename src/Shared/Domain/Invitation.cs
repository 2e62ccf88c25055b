namespace Platform.Shared.Domain;

/// <summary>An invitation to join a tenant, sent by e-mail as a link carrying a token; only the token's hash is stored.</summary>
public sealed class Invitation : TenantEntity
{
    public required string Email { get; set; }

    public TenantRole Role { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token in the link.</summary>
    public required string TokenHash { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? AcceptedAt { get; set; }

    public required string InvitedBy { get; set; }
}

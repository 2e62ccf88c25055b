using Platform.Shared.Domain;

namespace Platform.Shared.Config;

/// <summary>Ensured, never deleted by an apply. <see cref="Password"/> is used only to create a missing user.</summary>
public sealed record MemberConfig
{
    public required string Email { get; init; }

    public TenantRole Role { get; init; }

    public string? Password { get; init; }

    public ConfigLocation Location { get; init; }
}

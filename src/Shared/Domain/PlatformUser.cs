using Microsoft.AspNetCore.Identity;

namespace Platform.Shared.Domain;

/// <summary>A person who signs in; belongs to tenants through <see cref="Membership"/>.</summary>
public sealed class PlatformUser : IdentityUser<Guid>, IGlobalEntity
{
    public string? DisplayName { get; set; }

    /// <summary>May create tenants (the platform operator).</summary>
    public bool IsPlatformOperator { get; set; }
}

using Platform.Shared.Domain;

namespace Platform.ControlPlane.Access;

/// <summary>What <see cref="SessionSignIn"/> did; the user and tenants are set once the password (or session) checked out.</summary>
internal sealed record SessionSignInResult(
    SessionSignInStatus Status,
    PlatformUser? User = null,
    IReadOnlyList<SessionEndpoints.TenantMembership>? Tenants = null,
    SessionEndpoints.TenantMembership? Current = null);

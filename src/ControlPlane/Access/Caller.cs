using Platform.Shared.Domain;

namespace Platform.ControlPlane.Access;

/// <summary>
/// Who is calling the management API, resolved once per request from the authenticated principal
/// and the database (membership or API client), never from anything the caller sends.
/// </summary>
internal sealed class Caller
{
    public Guid TenantId { get; private set; }

    public TenantRole Role { get; private set; }

    /// <summary>The signed-in user, or null for an API client.</summary>
    public Guid? UserId { get; private set; }

    /// <summary>The API client, or null for a user.</summary>
    public string? ClientId { get; private set; }

    public bool IsPlatformOperator { get; private set; }

    /// <summary>How the audit log names the caller: <c>user:&lt;email&gt;</c> or <c>client:&lt;id&gt;</c>.</summary>
    public string Actor { get; private set; } = "";

    public bool IsResolved { get; private set; }

    public void ForUser(Guid tenantId, TenantRole role, Guid userId, string email, bool isOperator) =>
        Resolve(tenantId, role, userId, null, "user:" + email, isOperator);

    public void ForClient(Guid tenantId, TenantRole role, string clientId) =>
        Resolve(tenantId, role, null, clientId, "client:" + clientId, false);

    /// <summary>A platform operator acting outside any tenant (tenant administration): no tenant, the least role.</summary>
    public void ForOperator(Guid userId, string email) =>
        Resolve(Guid.Empty, TenantRole.Viewer, userId, null, "user:" + email, true);

    private void Resolve(Guid tenantId, TenantRole role, Guid? userId, string? clientId, string actor, bool isOperator)
    {
        TenantId = tenantId;
        Role = role;
        UserId = userId;
        ClientId = clientId;
        Actor = actor;
        IsPlatformOperator = isOperator;
        IsResolved = true;
    }
}

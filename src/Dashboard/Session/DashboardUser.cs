namespace Platform.Dashboard.Session;

/// <summary>
/// Who is signed in to the dashboard, read once per circuit: the active tenant (null when the
/// session has none, or the membership is gone), every tenant they may switch to, and their rights.
/// </summary>
public sealed record DashboardUser(
    Guid UserId,
    string Email,
    bool IsPlatformOperator,
    TenantChoice? Tenant,
    IReadOnlyList<TenantChoice> Tenants,
    TenantRights Rights);

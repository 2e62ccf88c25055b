namespace Platform.ControlPlane.Access;

/// <summary>Claim types the control plane issues, in cookies and in OAuth tokens.</summary>
internal static class PlatformClaims
{
    /// <summary>The tenant the session or token acts for; chosen at sign-in, switched only after a membership check.</summary>
    public const string TenantId = "tenant_id";

    /// <summary>Present on client-credentials tokens: the API client's id.</summary>
    public const string ClientId = "platform_client";

    /// <summary>The scope of the management API.</summary>
    public const string ApiScope = "api";
}

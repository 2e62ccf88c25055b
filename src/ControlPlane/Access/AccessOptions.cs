namespace Platform.ControlPlane.Access;

/// <summary>Section <c>Access</c>: sign-in and token settings.</summary>
internal sealed class AccessOptions
{
    public const string Section = "Access";

    /// <summary>
    /// Allow the OAuth endpoints over plain HTTP. True for the embedded default on loopback; set
    /// false in production, where the control plane is behind TLS.
    /// </summary>
    public bool AllowHttp { get; set; } = true;

    public int AccessTokenMinutes { get; set; } = 60;

    /// <summary>Where people reach the dashboard; links in e-mails (invitations) start with it.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5200";

    /// <summary>Redirect URIs of the built-in public client <c>platform-cli</c> (authorization code + PKCE).</summary>
    public List<string> CliRedirectUris { get; set; } = ["http://127.0.0.1/callback"];
}

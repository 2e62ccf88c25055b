namespace Platform.Dashboard.Account;

/// <summary>The <c>?error=</c> codes the host's sign-in form endpoint redirects back with; never the typed email or password.</summary>
public static class SignInErrors
{
    public const string Invalid = "invalid";
    public const string Locked = "locked";
    public const string Missing = "missing";
}

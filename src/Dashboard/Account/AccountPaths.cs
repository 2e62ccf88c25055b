using Microsoft.AspNetCore.Components;

namespace Platform.Dashboard.Account;

/// <summary>The host's account endpoints (form posts) and the sign-in page, in one place.</summary>
public static class AccountPaths
{
    public const string SignInPage = "/login";
    public const string SignInForm = "/account/signin";
    public const string SignOutForm = "/account/signout";
    public const string SwitchTenantForm = "/account/tenant";

    /// <summary>The sign-in page, coming back to where the user is now.</summary>
    public static string SignIn(NavigationManager navigation) =>
        $"{SignInPage}?ReturnUrl={Uri.EscapeDataString("/" + navigation.ToBaseRelativePath(navigation.Uri))}";

    /// <summary>Only paths on this site, so a crafted link cannot send a fresh session elsewhere.</summary>
    public static string LocalOrHome(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}

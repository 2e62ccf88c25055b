namespace Platform.ControlPlane.Jobs.Alerts;

/// <summary><c>Alert.LastError</c>'s text: which channel failed and why, cut to the column's size. Never a URL (a webhook's path can be its secret).</summary>
internal static class AlertErrors
{
    private const int MaxLength = 2000;

    public static string Email(string reason) => Cut("e-mail: " + reason);

    public static string Webhook(string reason) => Cut("webhook: " + reason);

    private static string Cut(string text) => text.Length <= MaxLength ? text : text[..(MaxLength - 1)] + "…";
}

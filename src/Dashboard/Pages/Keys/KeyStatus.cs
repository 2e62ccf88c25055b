using MudBlazor;
using Platform.Shared.Management;

namespace Platform.Dashboard.Pages.Keys;

/// <summary>How the list shows a key's state; the same words the list filter and the API use.</summary>
public static class KeyStatus
{
    public static string Of(ApiKeyView key, DateTime now) =>
        key.RevokedAt is not null ? "revoked" : key.ExpiresAt is { } expires && expires <= now ? "expired" : "active";

    public static Color ColorOf(string status) => status switch
    {
        "active" => Color.Success,
        "expired" => Color.Warning,
        _ => Color.Default,
    };

    public static string Limits(ApiKeyView key) =>
        (key.RequestsPerMinute, key.TokensPerMinute) switch
        {
            (null, null) => "none",
            (var rpm, null) => $"{rpm:N0} req/min",
            (null, var tpm) => $"{tpm:N0} tokens/min",
            var (rpm, tpm) => $"{rpm:N0} req/min · {tpm:N0} tokens/min",
        };

    public static string Allowed(ApiKeyView key)
    {
        var parts = new List<string>();
        if (key.Endpoints.Count > 0)
        {
            parts.Add(string.Join(", ", key.Endpoints));
        }

        if (key.Routes.Count > 0)
        {
            parts.Add("routes: " + string.Join(", ", key.Routes));
        }

        if (key.Models.Count > 0)
        {
            parts.Add("models: " + string.Join(", ", key.Models));
        }

        return parts.Count == 0 ? "everything" : string.Join("; ", parts);
    }

    public static string When(DateTime? at, string none = "—") => at is { } t ? t.ToString("yyyy-MM-dd HH:mm") + " UTC" : none;
}

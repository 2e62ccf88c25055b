using Platform.Shared.Management;

namespace Platform.Dashboard.Pages.Keys;

/// <summary>
/// The create-key form's model: mutable for binding, with the same property names as
/// <see cref="ApiKeyInput"/> so the shared validator's and the operation's errors land on the right field.
/// </summary>
public sealed class ApiKeyForm
{
    /// <summary>The fields that show their own errors; the endpoint choice cannot be wrong, so it has none.</summary>
    public static readonly IReadOnlyList<string> Fields =
        [nameof(Name), nameof(Routes), nameof(Models), nameof(RequestsPerMinute), nameof(TokensPerMinute), nameof(ExpiresAt)];

    public string Name { get; set; } = "";

    /// <summary>None selected means every endpoint.</summary>
    public IReadOnlyCollection<string> Endpoints { get; set; } = [];

    /// <summary>Comma- or space-separated route names; empty means every route.</summary>
    public string Routes { get; set; } = "";

    /// <summary>Comma- or space-separated <c>provider/model</c> names; empty means every model.</summary>
    public string Models { get; set; } = "";

    public int? RequestsPerMinute { get; set; }

    public int? TokensPerMinute { get; set; }

    /// <summary>The day the key stops working, at 00:00 UTC.</summary>
    public DateTime? ExpiresAt { get; set; }

    public ApiKeyInput ToInput() => new()
    {
        Name = Name.Trim(),
        Endpoints = [.. Endpoints],
        Routes = List(Routes),
        Models = List(Models),
        RequestsPerMinute = RequestsPerMinute,
        TokensPerMinute = TokensPerMinute,
        ExpiresAt = ExpiresAt is { } day ? DateTime.SpecifyKind(day.Date, DateTimeKind.Utc) : null,
    };

    private static string[] List(string text) =>
        text.Split([',', ' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

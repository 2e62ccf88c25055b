using Platform.Shared.Management;

namespace Platform.Dashboard.Pages.Providers;

/// <summary>
/// The provider form's model, with <see cref="ProviderInput"/>'s property names so the shared
/// validator's and the operation's errors land on the right field. The credential is write-only:
/// the form never holds the stored one, and leaving it empty on edit keeps it.
/// </summary>
public sealed class ProviderForm
{
    public static readonly IReadOnlyList<string> Fields =
        [nameof(Name), nameof(Kind), nameof(BaseUrl), nameof(Credential), nameof(Region)];

    public string Name { get; set; } = "";

    public string Kind { get; set; } = "openai-compatible";

    public string BaseUrl { get; set; } = "";

    public string Credential { get; set; } = "";

    public string Region { get; set; } = "";

    public bool Private { get; set; }

    public bool Enabled { get; set; } = true;

    public static ProviderForm From(ProviderView view) => new()
    {
        Name = view.Name,
        Kind = view.Kind,
        BaseUrl = view.BaseUrl,
        Region = view.Region ?? "",
        Private = view.Private,
        Enabled = view.Enabled,
    };

    /// <summary>An empty credential is "not given" (keep the stored one), which the validator allows.</summary>
    public ProviderInput ToInput() => new()
    {
        Name = Name.Trim(),
        Kind = Kind,
        BaseUrl = BaseUrl.Trim(),
        Credential = string.IsNullOrEmpty(Credential) ? null : Credential,
        Region = string.IsNullOrWhiteSpace(Region) ? null : Region.Trim(),
        Private = Private,
        Enabled = Enabled,
    };
}

using Platform.Shared.Management;

namespace Platform.Dashboard.Pages.Providers;

/// <summary>
/// The model form's model. Prices are flat fields here (<c>Input</c>, <c>Output</c>,
/// <c>CachedInput</c>) and nested in <see cref="ModelInput"/>; <see cref="FieldOf"/> maps the
/// validator's paths (<c>Prices.Input</c>, <c>Capabilities[1]</c>) onto them.
/// </summary>
public sealed class ModelForm
{
    /// <summary>The fields that show their own errors; the capability choice offers only valid words, so it has none.</summary>
    public static readonly IReadOnlyList<string> Fields =
    [
        nameof(Name), nameof(UpstreamId), nameof(ContextWindow), nameof(MaxOutputTokens), nameof(Input), nameof(Output), nameof(CachedInput), nameof(Region),
    ];

    /// <summary><c>provider/model</c>; the provider must exist.</summary>
    public string Name { get; set; } = "";

    /// <summary>Empty: the part of the name after the '/'.</summary>
    public string UpstreamId { get; set; } = "";

    public int ContextWindow { get; set; } = 128_000;

    public int MaxOutputTokens { get; set; } = 4_096;

    public IReadOnlyCollection<string> Capabilities { get; set; } = ["streaming"];

    public decimal Input { get; set; }

    public decimal Output { get; set; }

    /// <summary>Empty: the input price.</summary>
    public decimal? CachedInput { get; set; }

    public string Region { get; set; } = "";

    public bool ApprovedForCustomerFacing { get; set; }

    public bool Enabled { get; set; } = true;

    public static ModelForm From(ModelView view) => new()
    {
        Name = view.Name,
        UpstreamId = view.UpstreamId,
        ContextWindow = view.ContextWindow,
        MaxOutputTokens = view.MaxOutputTokens,
        Capabilities = [.. view.Capabilities],
        Input = view.Prices.Input,
        Output = view.Prices.Output,
        CachedInput = view.Prices.CachedInput,
        Region = view.Region ?? "",
        ApprovedForCustomerFacing = view.ApprovedForCustomerFacing,
        Enabled = view.Enabled,
    };

    /// <summary>The form field that shows an error of this input path, whichever casing (validator or API) names it.</summary>
    public static string FieldOf(string path)
    {
        var field = Components.FormFields.Of(path);
        var dot = field.LastIndexOf('.');
        var last = dot < 0 ? field : field[(dot + 1)..];
        return Fields.FirstOrDefault(f => string.Equals(f, last, StringComparison.OrdinalIgnoreCase)) ?? last;
    }

    public ModelInput ToInput() => new()
    {
        Name = Name.Trim(),
        UpstreamId = string.IsNullOrWhiteSpace(UpstreamId) ? null : UpstreamId.Trim(),
        ContextWindow = ContextWindow,
        MaxOutputTokens = MaxOutputTokens,
        Capabilities = [.. Capabilities],
        Prices = new ModelPricesInput(Input, Output, CachedInput),
        Region = string.IsNullOrWhiteSpace(Region) ? null : Region.Trim(),
        ApprovedForCustomerFacing = ApprovedForCustomerFacing,
        Enabled = Enabled,
    };
}

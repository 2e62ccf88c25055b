using Platform.Shared.Management;

namespace Platform.Dashboard.Pages.Routes;

/// <summary>The dry-run panel's form: a sample request, with the same property names as <see cref="DryRunInput"/>.</summary>
public sealed class DryRunForm
{
    public static readonly IReadOnlyList<string> Fields =
        [nameof(Model), nameof(ApiKey), nameof(InputTokens), nameof(MaxTokens), nameof(Region), nameof(Sensitivity)];

    public string Model { get; set; } = "";

    public string? ApiKey { get; set; }

    public int InputTokens { get; set; } = 1000;

    public int? MaxTokens { get; set; }

    public bool Stream { get; set; }

    public bool Tools { get; set; }

    public bool JsonSchema { get; set; }

    public bool Vision { get; set; }

    public string? Region { get; set; }

    /// <summary>Empty: the call adds no sensitivity of its own (the route's still applies).</summary>
    public string? Sensitivity { get; set; }

    public bool CustomerFacing { get; set; }

    public DryRunInput ToInput() => new()
    {
        Model = Model.Trim(),
        ApiKey = string.IsNullOrWhiteSpace(ApiKey) ? null : ApiKey.Trim(),
        InputTokens = InputTokens,
        MaxTokens = MaxTokens,
        Stream = Stream,
        Tools = Tools,
        JsonSchema = JsonSchema,
        Vision = Vision,
        Region = string.IsNullOrWhiteSpace(Region) ? null : Region.Trim(),
        Sensitivity = string.IsNullOrEmpty(Sensitivity) ? null : Sensitivity,
        CustomerFacing = CustomerFacing,
    };
}

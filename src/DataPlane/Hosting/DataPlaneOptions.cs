namespace Platform.DataPlane.Hosting;

/// <summary>Section <c>DataPlane</c>.</summary>
internal sealed record DataPlaneOptions
{
    public const string Section = "DataPlane";

    /// <summary>Largest request body accepted; larger ones get 413 before they are read whole.</summary>
    public int MaxRequestBodyBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Output tokens assumed for cost estimates when a request sets no max_tokens.</summary>
    public int DefaultMaxOutputTokens { get; init; } = 1024;
}

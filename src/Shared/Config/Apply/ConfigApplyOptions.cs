namespace Platform.Shared.Config;

public sealed record ConfigApplyOptions
{
    /// <summary>Accept API keys and member passwords written in plain text in the file: development only.</summary>
    public bool AllowPlaintextKeys { get; init; }

    /// <summary>Validate and list the changes without writing anything.</summary>
    public bool DryRun { get; init; }
}

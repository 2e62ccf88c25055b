namespace Platform.Shared.Config;

/// <summary>The document when the file is valid, otherwise every error found.</summary>
public sealed record ConfigParseResult(ConfigDocument? Document, IReadOnlyList<ConfigError> Errors)
{
    public bool Succeeded => Document is not null && Errors.Count == 0;
}

namespace Platform.Shared.Config;

/// <summary>What an apply changed (or would change, on a dry run), or why it changed nothing.</summary>
public sealed record ConfigApplyResult
{
    /// <summary>One readable line per change, e.g. <c>update model demo/x/y: contextWindow 8000 -> 128000</c>.</summary>
    public IReadOnlyList<string> Changes { get; init; } = [];

    /// <summary>When not empty, nothing was written.</summary>
    public IReadOnlyList<ConfigError> Errors { get; init; } = [];

    /// <summary>Keys created without a secret in the file; shown once, like any new key.</summary>
    public IReadOnlyList<GeneratedApiKey> GeneratedKeys { get; init; } = [];

    /// <summary>True when the changes were written to the database.</summary>
    public bool Applied { get; init; }

    public bool Succeeded => Errors.Count == 0;

    public bool HasChanges => Changes.Count > 0;
}

public sealed record GeneratedApiKey(string Tenant, string Name, string Key);

namespace Platform.Shared.Config;

/// <summary>Where an item of a config file starts (1-based); the default for items not read from a file.</summary>
public readonly record struct ConfigLocation(string? File, int Line, int Column)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File ?? "config";
}

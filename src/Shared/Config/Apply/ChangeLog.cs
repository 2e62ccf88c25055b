namespace Platform.Shared.Config;

/// <summary>The change lines and the errors of one apply, across its tenants.</summary>
internal sealed class ChangeLog
{
    public List<string> Changes { get; } = [];

    public List<ConfigError> Errors { get; } = [];

    public void Add(string line) => Changes.Add(line);

    public void Created(string kind, string path) => Changes.Add($"create {kind} {path}");

    public void Deleted(string kind, string path) => Changes.Add($"delete {kind} {path}");

    public void Updated(string kind, string path, FieldChanges changes)
    {
        if (changes.Any)
        {
            Changes.Add($"update {kind} {path}: {changes}");
        }
    }

    public void Error(ConfigLocation location, string message) => Errors.Add(new ConfigError(location, message));
}

namespace Platform.Shared.Config;

/// <summary>One problem with a config file, printed as <c>file:line:col: message</c>.</summary>
public sealed record ConfigError(ConfigLocation Location, string Message)
{
    public override string ToString() => $"{Location}: {Message}";
}

namespace Platform.DataPlane.Protocols.Json;

internal static class ToolSchemas
{
    /// <summary>The schema of a tool that declares no parameters; providers want an object schema either way.</summary>
    public const string EmptyObject = "{\"type\":\"object\",\"properties\":{}}";
}

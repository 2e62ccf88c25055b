namespace Platform.Shared.Domain;

[Flags]
public enum ModelCapabilities
{
    None = 0,
    Streaming = 1,
    Tools = 2,
    JsonSchema = 4,
    Vision = 8,
    Embeddings = 16,
}

namespace Platform.DataPlane.Embeddings;

internal sealed record EmbeddingRequest
{
    public required string Model { get; init; }

    public required IReadOnlyList<string> Inputs { get; init; }

    public int? Dimensions { get; init; }

    /// <summary><c>float</c> (default) or <c>base64</c>, as OpenAI callers ask.</summary>
    public string EncodingFormat { get; init; } = "float";

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
}

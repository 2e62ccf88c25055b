using Platform.DataPlane.Chat;

namespace Platform.DataPlane.Embeddings;

internal sealed record EmbeddingResponse(string Model, IReadOnlyList<float[]> Vectors, Usage Usage);

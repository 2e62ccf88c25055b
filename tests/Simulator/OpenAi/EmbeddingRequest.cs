namespace Platform.Simulator.OpenAi;

internal sealed record EmbeddingRequest(string Model, List<string> Inputs, int Dimensions, bool Base64, int Tokens);

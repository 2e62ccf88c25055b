namespace Platform.DataPlane.Endpoints;

/// <summary>The wire format the caller speaks; errors and answers go back in it.</summary>
internal enum Dialect
{
    OpenAi,
    Anthropic,
}

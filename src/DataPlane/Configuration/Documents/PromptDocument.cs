namespace Platform.DataPlane.Configuration;

/// <summary>A prompt with its versions and its release labels (label → version).</summary>
internal sealed record PromptDocument(
    string Name,
    IReadOnlyList<PromptVersionDocument> Versions,
    IReadOnlyDictionary<string, int> Labels);

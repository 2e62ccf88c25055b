using System.Collections.Frozen;

namespace Platform.DataPlane.Configuration;

/// <summary>A prompt's versions by number and its release labels (label → version).</summary>
internal sealed record PromptPolicy(
    string Name,
    FrozenDictionary<int, PromptVersionPolicy> Versions,
    FrozenDictionary<string, int> Labels);

/// <summary>One immutable prompt version; <see cref="MessagesJson"/> holds <c>{{variable}}</c> placeholders.</summary>
internal sealed record PromptVersionPolicy(
    int Version,
    string MessagesJson,
    IReadOnlyList<string> Variables,
    string? ParametersJson,
    string? ResponseSchemaJson);

using Platform.Shared.Config;

namespace Platform.Shared.Management;

public static class PromptLabelNames
{
    public const int MaxLength = 64;

    /// <summary>A label is a name (letters, digits, '.', '_', '-') of at most 64 characters: <c>production</c>, <c>staging</c>, <c>canary-eu</c>.</summary>
    public static bool IsValid(string label) => label.Length <= MaxLength && Rules.IsName(label);
}

using Platform.Shared.Management;

namespace Platform.Dashboard.Pages.Prompts;

/// <summary>
/// What pointing a label at a version means, in the words the API's label history uses: a new label
/// is released, a move to a newer version promotes, to an older one rolls back.
/// </summary>
public static class LabelMove
{
    /// <summary>The button's verb; null when the label already points there (nothing to do).</summary>
    public static string? Verb(int? current, int target) => current switch
    {
        null => "Release",
        { } from when target > from => "Promote",
        { } from when target < from => "Roll back",
        _ => null,
    };

    public static string Question(string label, int? current, int target) => current is { } from
        ? $"{Verb(from, target)} '{label}' from v{from} to v{target}?"
        : $"Release v{target} as '{label}'?";

    public static string Consequence(string label) =>
        $"Calls that use the '{label}' label get the new version once the data plane reloads (within seconds); no application deploy is needed.";

    /// <summary>A history entry as one phrase: <c>v1 → v2</c>, <c>→ v1</c> (created), <c>v2 →</c> (deleted).</summary>
    public static string Arrow(int? from, int? to) =>
        $"{(from is { } f ? $"v{f} " : "")}→{(to is { } t ? $" v{t}" : " (removed)")}";

    /// <summary>
    /// Where "roll back" goes: the version the label pointed at before its latest move to where it
    /// is now (the history is newest first), else the version before the current one.
    /// </summary>
    public static int? RollbackTarget(string label, int current, IReadOnlyList<PromptLabelMoveView> history)
    {
        var last = history.FirstOrDefault(m => m.Label == label);
        if (last is { FromVersion: { } from, ToVersion: { } to } && to == current && from < current)
        {
            return from;
        }

        return current > 1 ? current - 1 : null;
    }
}

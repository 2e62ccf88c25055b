using Platform.Shared.Management;

namespace Platform.ControlPlane.Tests;

/// <summary>The LCS line diff the prompt diff endpoint and the dashboard share.</summary>
public sealed class LineDiffTests
{
    [Fact]
    public void Compute_SameText_AllLinesSame_WithBothLineNumbers()
    {
        var lines = LineDiff.Compute(["a", "b"], ["a", "b"]);

        Assert.Equal([new DiffLine(DiffKind.Same, "a", 1, 1), new DiffLine(DiffKind.Same, "b", 2, 2)], lines);
    }

    [Fact]
    public void Compute_ChangedMiddleLine_RemovedBeforeAdded_NumbersPerSide()
    {
        var lines = LineDiff.Compute(["head", "old", "tail"], ["head", "new", "extra", "tail"]);

        Assert.Equal(
        [
            new DiffLine(DiffKind.Same, "head", 1, 1),
            new DiffLine(DiffKind.Removed, "old", 2, null),
            new DiffLine(DiffKind.Added, "new", null, 2),
            new DiffLine(DiffKind.Added, "extra", null, 3),
            new DiffLine(DiffKind.Same, "tail", 3, 4),
        ], lines);
    }

    [Fact]
    public void Compute_EmptySides_AllAddedOrAllRemoved()
    {
        Assert.All(LineDiff.Compute([], ["x", "y"]), l => Assert.Equal(DiffKind.Added, l.Kind));
        Assert.All(LineDiff.Compute(["x", "y"], []), l => Assert.Equal(DiffKind.Removed, l.Kind));
        Assert.Empty(LineDiff.Compute([], []));
    }

    [Theory]
    [InlineData("ABCABBA", "CBABAC", 4)]
    [InlineData("abcdef", "fedcba", 1)]
    [InlineData("xaxbxcx", "abc", 3)]
    [InlineData("aaaa", "aa", 2)]
    public void Compute_KeepsALongestCommonSubsequence_AndRebuildsBothSides(string from, string to, int common)
    {
        var a = from.Select(c => c.ToString()).ToList();
        var b = to.Select(c => c.ToString()).ToList();

        var lines = LineDiff.Compute(a, b);

        Assert.Equal(common, lines.Count(l => l.Kind == DiffKind.Same));
        Assert.Equal(a, lines.Where(l => l.Kind != DiffKind.Added).Select(l => l.Text));
        Assert.Equal(b, lines.Where(l => l.Kind != DiffKind.Removed).Select(l => l.Text));
        Assert.Equal(Enumerable.Range(1, a.Count).Cast<int?>(), lines.Where(l => l.Kind != DiffKind.Added).Select(l => l.FromLine));
        Assert.Equal(Enumerable.Range(1, b.Count).Cast<int?>(), lines.Where(l => l.Kind != DiffKind.Removed).Select(l => l.ToLine));
    }

    [Fact]
    public void PromptVersionText_ListsVariablesMessagesLineByLineAndParameters()
    {
        var lines = PromptVersionText.Lines("""[{"role":"system","content":"one\ntwo"}]""", ["x"], """{"temperature":0.2}""", null);

        Assert.Equal(
            ["variables: x", "--- message 1: system", "one", "two", "--- parameters", "{", "  \"temperature\": 0.2", "}", "--- responseSchema: (none)"],
            lines);
    }
}

using Platform.Shared.Management;

namespace Platform.Dashboard.Components;

/// <summary>
/// One row of a side-by-side diff: the old line on the left, the new one on the right. A changed
/// block (removed lines followed by added ones, as <see cref="LineDiff"/> orders them) is paired
/// line by line; the longer side leaves the other blank.
/// </summary>
public sealed record DiffRow(DiffLine? Left, DiffLine? Right)
{
    public static IReadOnlyList<DiffRow> Pair(IReadOnlyList<DiffLine> lines)
    {
        var rows = new List<DiffRow>(lines.Count);
        var i = 0;
        while (i < lines.Count)
        {
            if (lines[i].Kind == DiffKind.Same)
            {
                rows.Add(new DiffRow(lines[i], lines[i]));
                i++;
                continue;
            }

            var removed = new List<DiffLine>();
            while (i < lines.Count && lines[i].Kind == DiffKind.Removed)
            {
                removed.Add(lines[i++]);
            }

            var added = new List<DiffLine>();
            while (i < lines.Count && lines[i].Kind == DiffKind.Added)
            {
                added.Add(lines[i++]);
            }

            for (var k = 0; k < Math.Max(removed.Count, added.Count); k++)
            {
                rows.Add(new DiffRow(k < removed.Count ? removed[k] : null, k < added.Count ? added[k] : null));
            }
        }

        return rows;
    }
}

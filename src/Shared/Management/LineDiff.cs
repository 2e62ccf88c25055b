using System.Text.Json.Serialization;

namespace Platform.Shared.Management;

[JsonConverter(typeof(JsonStringEnumConverter<DiffKind>))]
public enum DiffKind
{
    [JsonStringEnumMemberName("same")]
    Same,

    [JsonStringEnumMemberName("removed")]
    Removed,

    [JsonStringEnumMemberName("added")]
    Added,
}

/// <summary>One line of a diff, with its 1-based line number in the old text, the new one, or both.</summary>
public sealed record DiffLine(DiffKind Kind, string Text, int? FromLine, int? ToLine);

/// <summary>
/// A line diff by longest common subsequence, as <c>diff</c> shows it: unchanged lines, and for
/// each change the removed lines before the added ones. The common head and tail are skipped
/// before the quadratic part, so a small edit of a long prompt stays cheap.
/// </summary>
public static class LineDiff
{
    /// <summary>Past this many table cells the changed middle is shown as all removed, then all added.</summary>
    public const long MaxCells = 4_000_000;

    public static IReadOnlyList<DiffLine> Compute(IReadOnlyList<string> from, IReadOnlyList<string> to)
    {
        var head = 0;
        while (head < from.Count && head < to.Count && from[head] == to[head])
        {
            head++;
        }

        var tail = 0;
        while (tail < from.Count - head && tail < to.Count - head && from[from.Count - 1 - tail] == to[to.Count - 1 - tail])
        {
            tail++;
        }

        var lines = new List<DiffLine>(Math.Max(from.Count, to.Count));
        for (var i = 0; i < head; i++)
        {
            lines.Add(new DiffLine(DiffKind.Same, from[i], i + 1, i + 1));
        }

        Middle(from, to, head, from.Count - tail, to.Count - tail, lines);
        for (var k = tail; k > 0; k--)
        {
            lines.Add(new DiffLine(DiffKind.Same, from[from.Count - k], from.Count - k + 1, to.Count - k + 1));
        }

        return lines;
    }

    /// <summary>Diffs <c>from[start..fromEnd)</c> against <c>to[start..toEnd)</c>.</summary>
    private static void Middle(IReadOnlyList<string> from, IReadOnlyList<string> to, int start, int fromEnd, int toEnd, List<DiffLine> lines)
    {
        var n = fromEnd - start;
        var m = toEnd - start;
        if ((long)(n + 1) * (m + 1) > MaxCells)
        {
            for (var i = start; i < fromEnd; i++)
            {
                lines.Add(new DiffLine(DiffKind.Removed, from[i], i + 1, null));
            }

            for (var j = start; j < toEnd; j++)
            {
                lines.Add(new DiffLine(DiffKind.Added, to[j], null, j + 1));
            }

            return;
        }

        // common[i, j] = length of the LCS of from[start + i..] and to[start + j..].
        var width = m + 1;
        var common = new int[(n + 1) * width];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                common[(i * width) + j] = from[start + i] == to[start + j]
                    ? common[((i + 1) * width) + j + 1] + 1
                    : Math.Max(common[((i + 1) * width) + j], common[(i * width) + j + 1]);
            }
        }

        int a = 0, b = 0;
        while (a < n || b < m)
        {
            if (a < n && b < m && from[start + a] == to[start + b])
            {
                lines.Add(new DiffLine(DiffKind.Same, from[start + a], start + a + 1, start + b + 1));
                a++;
                b++;
            }
            else if (b == m || (a < n && common[((a + 1) * width) + b] >= common[(a * width) + b + 1]))
            {
                lines.Add(new DiffLine(DiffKind.Removed, from[start + a], start + a + 1, null));
                a++;
            }
            else
            {
                lines.Add(new DiffLine(DiffKind.Added, to[start + b], null, start + b + 1));
                b++;
            }
        }
    }
}

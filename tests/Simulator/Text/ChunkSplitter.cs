namespace Platform.Simulator.Text;

/// <summary>Cuts a reply into stream deltas; the pieces always concatenate back to the input.</summary>
internal static class ChunkSplitter
{
    private const int WordsPerChunk = 3;
    private const int FragmentChars = 16;

    /// <summary>Text deltas of a few words each; at least two when the text has two characters.</summary>
    public static List<Range> Words(string text)
    {
        var pieces = new List<Range>(text.Length / 16 + 2);
        var start = 0;
        var spaces = 0;
        for (var index = 0; index < text.Length; index++)
        {
            if (text[index] == ' ' && ++spaces == WordsPerChunk)
            {
                pieces.Add(start..(index + 1));
                start = index + 1;
                spaces = 0;
            }
        }

        if (start < text.Length)
        {
            pieces.Add(start..text.Length);
        }

        return pieces.Count >= 2 || text.Length < 2 ? pieces : Halves(text.Length);
    }

    /// <summary>Tool-argument fragments of a few characters each; always at least two.</summary>
    public static List<Range> Fragments(string json)
    {
        if (json.Length < 2 * FragmentChars)
        {
            return Halves(json.Length);
        }

        var pieces = new List<Range>(json.Length / FragmentChars + 1);
        for (var start = 0; start < json.Length; start += FragmentChars)
        {
            pieces.Add(start..Math.Min(json.Length, start + FragmentChars));
        }

        return pieces;
    }

    private static List<Range> Halves(int length)
    {
        var middle = length / 2;
        return [0..middle, middle..length];
    }
}

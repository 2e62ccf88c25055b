namespace Platform.Simulator.Text;

/// <summary>FNV-1a over UTF-16 code units: stable across processes, unlike <see cref="string.GetHashCode()"/>.</summary>
internal static class Fnv
{
    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static ulong Hash(string first, string second)
    {
        var hash = Mix(Offset, first);
        hash = (hash ^ 0xFFFF) * Prime;
        return Mix(hash, second);
    }

    private static ulong Mix(ulong hash, string text)
    {
        foreach (var c in text)
        {
            hash = (hash ^ c) * Prime;
        }

        return hash;
    }
}

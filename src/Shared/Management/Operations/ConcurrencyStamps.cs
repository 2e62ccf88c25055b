namespace Platform.Shared.Management.Operations;

/// <summary>
/// Optimistic concurrency in one format for the API and the dashboard: a row's ETag is its
/// concurrency stamp in quotes. An <c>If-Match</c> value lists ETags (or <c>*</c>); null or empty
/// means "last writer wins", which is what scripts expect. A race between the check and the save is
/// still caught by the stamp's concurrency token in the UPDATE.
/// </summary>
public static class ConcurrencyStamps
{
    public static string ETagOf(Guid stamp) => "\"" + stamp.ToString("N") + "\"";

    public static bool IfMatchFails(string? ifMatch, Guid stamp)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return false;
        }

        var current = ETagOf(stamp);
        foreach (var tag in ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (tag == "*" || tag == current || tag == "W/" + current)
            {
                return false;
            }
        }

        return true;
    }
}

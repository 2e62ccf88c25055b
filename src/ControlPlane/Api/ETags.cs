using Platform.Shared.Domain;

namespace Platform.ControlPlane.Api;

/// <summary>
/// Optimistic concurrency over HTTP: a row's ETag is its concurrency stamp. A write that sends
/// <c>If-Match</c> with an old ETag gets 412; a write without <c>If-Match</c> is last-writer-wins
/// (what scripts expect). A race between the check and the save is still caught by the stamp's
/// concurrency token in the UPDATE.
/// </summary>
internal static class ETags
{
    public static string Of(TenantEntity row) => "\"" + row.ConcurrencyStamp.ToString("N") + "\"";

    public static bool IfMatchFails(HttpRequest request, TenantEntity row)
    {
        var ifMatch = request.Headers.IfMatch;
        if (ifMatch.Count == 0)
        {
            return false;
        }

        var current = Of(row);
        foreach (var value in ifMatch)
        {
            foreach (var tag in (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (tag == "*" || tag == current || tag == "W/" + current)
                {
                    return false;
                }
            }
        }

        return true;
    }

    public static void Set(HttpResponse response, TenantEntity row) => response.Headers.ETag = Of(row);
}

using Platform.Shared.Domain;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Api;

/// <summary>
/// Optimistic concurrency over HTTP for the endpoints that still work on rows themselves; the
/// format and the If-Match rules are <see cref="ConcurrencyStamps"/>, shared with the operations.
/// </summary>
internal static class ETags
{
    public static string Of(TenantEntity row) => ConcurrencyStamps.ETagOf(row.ConcurrencyStamp);

    public static bool IfMatchFails(HttpRequest request, TenantEntity row) =>
        ConcurrencyStamps.IfMatchFails(IfMatch(request), row.ConcurrencyStamp);

    /// <summary>Every If-Match header as one list, as an operation takes it; null without one.</summary>
    public static string? IfMatch(HttpRequest request) =>
        request.Headers.IfMatch.Count == 0 ? null : string.Join(',', request.Headers.IfMatch.Where(v => v is not null));

    public static void Set(HttpResponse response, TenantEntity row) => response.Headers.ETag = Of(row);
}

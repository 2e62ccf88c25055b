namespace Platform.DataPlane.Limits;

/// <summary>The <c>Scope</c> column of a rate-limit counter: <c>tenant</c> or <c>key:&lt;api key id&gt;</c>.</summary>
internal static class RateScopes
{
    public const string Tenant = "tenant";

    private const string KeyPrefix = "key:";

    public static string Key(Guid keyId) => KeyPrefix + keyId.ToString("D");

    public static bool TryParseKey(string scope, out Guid keyId)
    {
        keyId = Guid.Empty;
        return scope.StartsWith(KeyPrefix, StringComparison.Ordinal) && Guid.TryParse(scope.AsSpan(KeyPrefix.Length), out keyId);
    }

    /// <summary>Start (in ticks) of the UTC minute <paramref name="utcTicks"/> falls in.</summary>
    public static long WindowOf(long utcTicks) => utcTicks - (utcTicks % TimeSpan.TicksPerMinute);
}

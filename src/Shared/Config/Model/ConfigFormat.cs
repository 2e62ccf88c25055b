using System.Globalization;

namespace Platform.Shared.Config;

/// <summary>How values are written in exports and change lines: invariant, without noise digits.</summary>
internal static class ConfigFormat
{
    public static string Decimal(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    public static string Double(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Timestamp(DateTime value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    public static string Bool(bool value) => value ? "true" : "false";
}

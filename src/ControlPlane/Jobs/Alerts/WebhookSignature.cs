using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Platform.ControlPlane.Jobs.Alerts;

/// <summary>
/// <c>Platform-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256&gt;</c> over <c>"&lt;t&gt;.&lt;body&gt;"</c>, keyed
/// with the secret's UTF-8 bytes: Stripe's scheme, so receivers can reuse what they know. The
/// timestamp is signed too, so a receiver that rejects old timestamps also rejects replays.
/// </summary>
internal static class WebhookSignature
{
    public const string Header = "Platform-Signature";

    public static string Sign(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        var timestamp = unixSeconds.ToString(CultureInfo.InvariantCulture);
        var signed = new byte[Encoding.ASCII.GetByteCount(timestamp) + 1 + body.Length];
        var written = Encoding.ASCII.GetBytes(timestamp, signed);
        signed[written] = (byte)'.';
        body.CopyTo(signed.AsSpan(written + 1));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }
}

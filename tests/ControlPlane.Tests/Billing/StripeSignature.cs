using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Platform.ControlPlane.Tests.Billing;

/// <summary>
/// The <c>Stripe-Signature</c> header the way Stripe computes it, written out here rather than
/// borrowed from Stripe.net, so the test checks the library against the scheme:
/// <c>t={unix seconds},v1={hex HMAC-SHA256 of "{t}.{payload}" keyed with the whsec secret}</c>.
/// </summary>
internal static class StripeSignature
{
    public static string Header(string payload, string secret, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }
}

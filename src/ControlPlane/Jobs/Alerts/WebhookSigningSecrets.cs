using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Platform.Shared.Data;

namespace Platform.ControlPlane.Jobs.Alerts;

/// <summary>
/// Each tenant's webhook signing secret: <c>whsec_</c> + 32 random bytes in hex, sealed with Data
/// Protection (keys in the database, like provider credentials, under a purpose of its own) in
/// <c>Tenant.WebhookSecretProtected</c>. Written with a direct update, not through the tracked
/// tenant row: the secret is not policy, so the data planes need not reload for it.
/// </summary>
internal sealed class WebhookSigningSecrets(IDataProtectionProvider protection)
{
    public const string Prefix = "whsec_";
    private readonly IDataProtector _protector = protection.CreateProtector("Platform.WebhookSigningSecrets.v1");

    public static string Generate() => Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>For the audit log: recognisable, useless to sign with.</summary>
    public static string Mask(string secret) => Prefix + "…" + secret[^4..];

    public static Task<bool> ExistsAsync(PlatformDbContext db, Guid tenantId, CancellationToken ct) =>
        db.Tenants.AnyAsync(t => t.Id == tenantId && t.WebhookSecretProtected != null, ct);

    /// <summary>The tenant's secret; made on first use (a rotation shows it). Two runs making one at once keep the first.</summary>
    public async Task<string> GetOrCreateAsync(PlatformDbContext db, Guid tenantId, CancellationToken ct)
    {
        if (await SealedAsync(db, tenantId, ct) is not { } stored)
        {
            var created = _protector.Protect(Generate());
            await db.Tenants.Where(t => t.Id == tenantId && t.WebhookSecretProtected == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.WebhookSecretProtected, created), ct);
            stored = await SealedAsync(db, tenantId, ct) ?? created;
        }

        return _protector.Unprotect(stored);
    }

    /// <summary>Replaces the secret, in the caller's unit of work (with its audit entry); signatures use the new one from the next delivery.</summary>
    public Task ReplaceAsync(PlatformDbContext db, Guid tenantId, string secret, CancellationToken ct)
    {
        var sealedSecret = _protector.Protect(secret);
        return db.Tenants.Where(t => t.Id == tenantId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.WebhookSecretProtected, sealedSecret), ct);
    }

    private static Task<string?> SealedAsync(PlatformDbContext db, Guid tenantId, CancellationToken ct) =>
        db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.WebhookSecretProtected).SingleAsync(ct);
}

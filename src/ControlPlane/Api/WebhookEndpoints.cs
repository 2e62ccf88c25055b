using Platform.ControlPlane.Access;
using Platform.ControlPlane.Jobs.Alerts;
using Platform.Shared.Data;
using Platform.Shared.Management;

namespace Platform.ControlPlane.Api;

/// <summary>
/// <c>/api/v1/webhooks/signing-secret</c>: the secret that signs the tenant's alert webhooks
/// (<see cref="WebhookSignature"/>). Reading says only whether one exists; rotating makes a new one
/// and shows it once, and the audit log keeps only a masked form. The alert job makes one on first
/// use, so a tenant that never rotated learns its secret by rotating.
/// </summary>
internal static class WebhookEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var secret = api.MapGroup("/webhooks/signing-secret").WithTags("Webhooks");
        secret.MapGet("", GetAsync).Produces<WebhookSigningSecretView>();
        secret.MapPost("/rotate", RotateAsync).Requires(Permission.Configure).Produces<WebhookSigningSecretCreated>();
    }

    private static async Task<IResult> GetAsync(PlatformDbContext db, Caller caller, CancellationToken ct) =>
        Results.Ok(new WebhookSigningSecretView(await WebhookSigningSecrets.ExistsAsync(db, caller.TenantId, ct), WebhookSignature.Header));

    private static async Task<IResult> RotateAsync(
        PlatformDbContext db, Caller caller, WebhookSigningSecrets secrets, AuditLog audit, CancellationToken ct)
    {
        var existed = await WebhookSigningSecrets.ExistsAsync(db, caller.TenantId, ct);
        var secret = WebhookSigningSecrets.Generate();
        audit.AddByKey(db, "rotate", "webhook-signing-secret", caller.TenantId.ToString(),
            new { exists = existed }, new { exists = true, secret = WebhookSigningSecrets.Mask(secret) });

        // The secret and its audit entry land together; a retrying strategy (SQL Server) reruns both.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(
            (Db: db, Secrets: secrets, TenantId: caller.TenantId, Secret: secret),
            static async (_, s, token) =>
            {
                await using var transaction = await s.Db.Database.BeginTransactionAsync(token);
                await s.Secrets.ReplaceAsync(s.Db, s.TenantId, s.Secret, token);
                await s.Db.SaveChangesAsync(acceptAllChangesOnSuccess: false, token);
                await transaction.CommitAsync(token);
                return true;
            },
            verifySucceeded: null,
            ct);
        db.ChangeTracker.AcceptAllChanges();
        return Results.Ok(new WebhookSigningSecretCreated(secret, WebhookSignature.Header));
    }
}

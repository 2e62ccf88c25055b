using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using static Platform.ControlPlane.Tests.Jobs.BudgetAlertTestData;

namespace Platform.ControlPlane.Tests.Jobs;

/// <summary>
/// Budget alert webhooks against a real loopback receiver: the signature (checked here with the
/// secret from the rotate endpoint, the way a receiver would), retries within a run and on later
/// runs, the cap on tries, and the signing-secret endpoints.
/// </summary>
[Collection(MailCollection.Name)]
public sealed class BudgetAlertWebhookTests(MailFixture mail)
{
    private ControlPlaneFixture Fixture => mail.ControlPlane;

    [Fact]
    public async Task Run_Webhook_SignedWithTheRotatedSecret_CarriesTheAlert_NewSecretSignsAfterRotation()
    {
        var (tenantId, admin) = await TenantAsync(Fixture);
        using var _ = admin;
        using var receiver = WebhookReceiver.Start();
        var secret = await RotateAsync(admin);
        var start = ThisHour.AddHours(-1);
        var budgetId = await CreateBudgetAsync(admin, limitUsd: 10, thresholds: [50, 80], webhookUrl: receiver.Url, start: start);
        await SpendAsync(Fixture, tenantId, 6m);

        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        await RunJobAsync(Fixture);
        var after = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        await RunJobAsync(Fixture);

        var webhook = Assert.Single(receiver.Received);
        var alert = Assert.Single(await AlertsAsync(Fixture, tenantId, budgetId));
        var (timestamp, signature) = SignatureOf(webhook);
        Assert.Equal(("POST", "/hooks/budget"), (webhook.Method, webhook.Path));
        Assert.Equal(Sign(secret, timestamp, webhook.Body), signature);
        Assert.InRange(timestamp, before, after);
        Assert.Equal(alert.Id.ToString(), webhook.Headers["Idempotency-Key"]);
        var body = JsonDocument.Parse(webhook.Body).RootElement;
        var slug = await SlugAsync(tenantId);
        Assert.Equal(alert.Id, body.GetProperty("id").GetGuid());
        Assert.Equal("budget.threshold_crossed", body.GetProperty("type").GetString());
        Assert.Equal((slug, budgetId, 50), (body.GetProperty("tenant").GetString(), body.GetProperty("budgetId").GetGuid(), body.GetProperty("thresholdPercent").GetInt32()));
        Assert.Equal((6m, 10m), (body.GetProperty("spentUsd").GetDecimal(), body.GetProperty("limitUsd").GetDecimal()));
        Assert.Equal((start, start.AddDays(30)), (body.GetProperty("periodStart").GetDateTime().ToUniversalTime(), body.GetProperty("periodEnd").GetDateTime().ToUniversalTime()));
        Assert.Equal(alert.ForecastRunOutAt, body.GetProperty("forecastRunOutAt").GetDateTime().ToUniversalTime());
        Assert.Equal((1, true), (alert.WebhookAttempts, alert.WebhookSentAt is not null));

        var rotated = await RotateAsync(admin);
        await SpendAsync(Fixture, tenantId, 2.5m);
        await RunJobAsync(Fixture);

        Assert.Equal(2, receiver.Received.Count);
        var second = receiver.Received[1];
        var (secondTimestamp, secondSignature) = SignatureOf(second);
        Assert.Equal(80, JsonDocument.Parse(second.Body).RootElement.GetProperty("thresholdPercent").GetInt32());
        Assert.Equal(Sign(rotated, secondTimestamp, second.Body), secondSignature);
        Assert.NotEqual(Sign(secret, secondTimestamp, second.Body), secondSignature);
    }

    [Fact]
    public async Task SigningSecret_ShownOnlyByRotate_AuditedMasked_RotateNeedsConfigure()
    {
        var (tenantId, admin) = await TenantAsync(Fixture);
        using var _ = admin;
        using var viewer = await Fixture.SignInAsync("viewer", await SlugAsync(tenantId));

        var exists = await ExistsAsync(admin);
        using var forbidden = await viewer.PostAsync("/api/v1/webhooks/signing-secret/rotate", null);
        var secret = await RotateAsync(admin);
        using var read = await viewer.GetAsync("/api/v1/webhooks/signing-secret");
        var readBody = await read.Content.ReadAsStringAsync();

        Assert.False(exists);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Matches("^whsec_[0-9a-f]{64}$", secret);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.True(JsonDocument.Parse(readBody).RootElement.GetProperty("exists").GetBoolean());
        Assert.DoesNotContain(secret[6..], readBody, StringComparison.Ordinal);
        await using var db = Fixture.Db(tenantId);
        var audit = Assert.Single(await db.AuditEntries.Where(a => a.EntityType == "webhook-signing-secret").ToListAsync());
        Assert.Equal(("rotate", $"user:admin@{await SlugAsync(tenantId)}.test"), (audit.Action, audit.Actor));
        Assert.Contains("whsec_\\u2026" + secret[^4..], audit.AfterJson!, StringComparison.Ordinal);
        Assert.DoesNotContain(secret[6..], audit.AfterJson!, StringComparison.Ordinal);
        var stored = await db.Tenants.Where(t => t.Id == tenantId).Select(t => t.WebhookSecretProtected).SingleAsync();
        Assert.DoesNotContain(secret[6..], stored!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WebhookFailsTwiceThenAccepts_DeliveredOnce_ThreeAttemptsRecorded_SecretMadeOnFirstUse()
    {
        var (tenantId, admin) = await TenantAsync(Fixture);
        using var _ = admin;
        using var receiver = WebhookReceiver.Start(failFirst: 2);
        var budgetId = await CreateBudgetAsync(admin, limitUsd: 10, thresholds: [50], webhookUrl: receiver.Url);
        await SpendAsync(Fixture, tenantId, 6m);

        await RunJobAsync(Fixture);
        await RunJobAsync(Fixture);

        Assert.Equal(3, receiver.Received.Count);
        Assert.Single(receiver.Received.Select(r => r.Body).Distinct());
        Assert.Single(receiver.Received.Select(r => r.Headers["Idempotency-Key"]).Distinct());
        var alert = Assert.Single(await AlertsAsync(Fixture, tenantId, budgetId));
        Assert.Equal(3, alert.WebhookAttempts);
        Assert.NotNull(alert.WebhookSentAt);
        Assert.Contains("500", alert.LastError, StringComparison.Ordinal);
        Assert.True(await ExistsAsync(admin));
    }

    [Fact]
    public async Task Run_WebhookUnreachable_RecordsTheError_NextRunRetriesAndDelivers()
    {
        var (tenantId, admin) = await TenantAsync(Fixture);
        using var _ = admin;
        var port = WebhookReceiver.FreePort();
        var budgetId = await CreateBudgetAsync(admin, limitUsd: 10, thresholds: [50], webhookUrl: $"http://127.0.0.1:{port}/hooks/budget");
        await SpendAsync(Fixture, tenantId, 6m);

        await RunJobAsync(Fixture);
        var failed = Assert.Single(await AlertsAsync(Fixture, tenantId, budgetId));
        var view = await AlertViewAsync(admin, budgetId);
        using (var receiver = WebhookReceiver.Start(port: port))
        {
            await RunJobAsync(Fixture);
            Assert.Single(receiver.Received);
        }

        Assert.Equal((3, (DateTime?)null), (failed.WebhookAttempts, failed.WebhookSentAt));
        Assert.StartsWith("webhook: ", failed.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain("/hooks/budget", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(("pending", 3), (view.GetProperty("webhookStatus").GetString(), view.GetProperty("webhookAttempts").GetInt32()));
        Assert.Equal(failed.LastError, view.GetProperty("lastError").GetString());
        var delivered = Assert.Single(await AlertsAsync(Fixture, tenantId, budgetId));
        Assert.Equal(4, delivered.WebhookAttempts);
        Assert.NotNull(delivered.WebhookSentAt);
        Assert.Equal("sent", (await AlertViewAsync(admin, budgetId)).GetProperty("webhookStatus").GetString());
    }

    [Fact]
    public async Task Run_WebhookToALinkLocalAddress_RefusedByTheOutboundPolicy_TheReasonRecorded()
    {
        var (tenantId, admin) = await TenantAsync(Fixture);
        using var _ = admin;
        var budgetId = await CreateBudgetAsync(admin, limitUsd: 10, thresholds: [50], webhookUrl: "http://169.254.169.254/hooks/budget");
        await SpendAsync(Fixture, tenantId, 6m);

        await RunJobAsync(Fixture);

        var failed = Assert.Single(await AlertsAsync(Fixture, tenantId, budgetId));
        Assert.Null(failed.WebhookSentAt);
        Assert.StartsWith("webhook: Outbound connections to 169.254.169.254 are not allowed", failed.LastError, StringComparison.Ordinal);
        Assert.Contains("a link-local address", failed.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WebhookNeverAccepts_GivesUpAfterTenTries()
    {
        var (tenantId, admin) = await TenantAsync(Fixture);
        using var _ = admin;
        using var receiver = WebhookReceiver.Start(failFirst: 100);
        var budgetId = await CreateBudgetAsync(admin, limitUsd: 10, thresholds: [50], webhookUrl: receiver.Url);
        await SpendAsync(Fixture, tenantId, 6m);

        var attempts = new List<int>();
        for (var run = 0; run < 5; run++)
        {
            await RunJobAsync(Fixture);
            attempts.Add(Assert.Single(await AlertsAsync(Fixture, tenantId, budgetId)).WebhookAttempts);
        }

        Assert.Equal([3, 6, 9, 10, 10], attempts);
        Assert.Equal(10, receiver.Received.Count);
        Assert.Equal("failed", (await AlertViewAsync(admin, budgetId)).GetProperty("webhookStatus").GetString());
    }

    private static async Task<string> RotateAsync(HttpClient admin)
    {
        using var response = await admin.PostAsync("/api/v1/webhooks/signing-secret/rotate", null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await ControlPlaneFixture.JsonAsync(response);
        Assert.Equal("Platform-Signature", body.GetProperty("signatureHeader").GetString());
        return body.GetProperty("secret").GetString()!;
    }

    private static async Task<bool> ExistsAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/v1/webhooks/signing-secret");
        return (await ControlPlaneFixture.JsonAsync(response)).GetProperty("exists").GetBoolean();
    }

    private static async Task<JsonElement> AlertViewAsync(HttpClient client, Guid budgetId)
    {
        using var response = await client.GetAsync($"/api/v1/budgets/{budgetId}/alerts");
        return Assert.Single((await ControlPlaneFixture.JsonAsync(response)).GetProperty("items").EnumerateArray());
    }

    private async Task<string> SlugAsync(Guid tenantId)
    {
        await using var db = Fixture.Db(null);
        return await db.Tenants.Where(t => t.Id == tenantId).Select(t => t.Slug).SingleAsync();
    }

    /// <summary>What a receiver does: split <c>t=…,v1=…</c>.</summary>
    private static (long Timestamp, string Signature) SignatureOf(ReceivedWebhook webhook)
    {
        var parts = webhook.Headers["Platform-Signature"].Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        return (long.Parse(parts["t"], System.Globalization.CultureInfo.InvariantCulture), parts["v1"]);
    }

    /// <summary>Computed here as a receiver would, independently of the platform's code.</summary>
    private static string Sign(string secret, long timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
}

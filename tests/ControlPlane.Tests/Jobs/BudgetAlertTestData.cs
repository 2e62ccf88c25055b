using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.ControlPlane.Jobs.Alerts;
using Platform.Shared.Domain;
using Platform.Shared.Mail;

namespace Platform.ControlPlane.Tests.Jobs;

/// <summary>What the budget alert tests share: a tenant with a budget, spend written as usage events, a run of the job, the mail it sent.</summary>
internal static class BudgetAlertTestData
{
    public static DateTime ThisHour
    {
        get
        {
            var now = DateTime.UtcNow;
            return new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
        }
    }

    public static string NewEmail() => $"alerts-{Guid.NewGuid():N}@example.test";

    public static async Task<(Guid TenantId, HttpClient Admin)> TenantAsync(ControlPlaneFixture fixture)
    {
        var slug = await TestTenants.CreateAsync(fixture);
        return (await fixture.TenantIdAsync(slug), await fixture.SignInAsync("admin", slug));
    }

    /// <summary>
    /// A custom period from <paramref name="start"/> (default: an hour before this hour) for
    /// <paramref name="length"/> (default: 30 days): the tests choose how much of it has passed,
    /// and no day or month boundary falls inside a test.
    /// </summary>
    public static async Task<Guid> CreateBudgetAsync(
        HttpClient admin, decimal limitUsd = 10, int[]? thresholds = null, string[]? emails = null, string? webhookUrl = null,
        string scope = "tenant", DateTime? start = null, TimeSpan? length = null)
    {
        var from = start ?? ThisHour.AddHours(-1);
        using var response = await admin.PostAsJsonAsync("/api/v1/budgets", new
        {
            name = "b-" + Guid.NewGuid().ToString("N")[..8],
            scope,
            period = "custom",
            start = from,
            end = from + (length ?? TimeSpan.FromDays(30)),
            limitUsd,
            action = "soft",
            thresholds = thresholds ?? [50, 80, 100],
            alertEmails = emails ?? [],
            alertWebhookUrl = webhookUrl,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await ControlPlaneFixture.JsonAsync(response)).GetProperty("id").GetGuid();
    }

    /// <summary>One call that cost <paramref name="usd"/>, a moment ago, as the data plane records it.</summary>
    public static async Task SpendAsync(ControlPlaneFixture fixture, Guid tenantId, decimal usd, Guid? apiKeyId = null, string? feature = null)
    {
        await using var db = fixture.Db(tenantId);
        db.UsageEvents.Add(new UsageEvent
        {
            Endpoint = "chat",
            Status = 200,
            StartedAt = DateTime.UtcNow.AddSeconds(-1),
            CostNanoUsd = (long)(usd * 1_000_000_000m),
            ApiKeyId = apiKeyId,
            Feature = feature,
        });
        await db.SaveChangesAsync();
    }

    public static async Task RunJobAsync(ControlPlaneFixture fixture)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BudgetAlertJob>().RunAsync(CancellationToken.None);
    }

    public static async Task<List<Alert>> AlertsAsync(ControlPlaneFixture fixture, Guid tenantId, Guid budgetId)
    {
        await using var db = fixture.Db(tenantId);
        return await db.Alerts.AsNoTracking().Where(a => a.BudgetId == budgetId).OrderBy(a => a.ThresholdPercent).ToListAsync();
    }

    /// <summary>Waits (up to 20 s: maildev stores a mail a moment after SMTP accepted it) until <paramref name="address"/> has <paramref name="count"/> mails.</summary>
    public static async Task<IReadOnlyList<JsonElement>> MailsAsync(MailDevServer mail, string address, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var mails = await mail.MailsToAsync(address);
            if (mails.Count >= count || DateTime.UtcNow > deadline)
            {
                return mails;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>
    /// The mails of <paramref name="address"/> once a marker mail sent now has arrived: whatever
    /// the job sent before it has arrived too, so a count taken then is final.
    /// </summary>
    public static async Task<IReadOnlyList<JsonElement>> SettledMailsAsync(ControlPlaneFixture fixture, MailDevServer mail, string address)
    {
        var marker = "marker " + Guid.NewGuid().ToString("N");
        await fixture.Host.Services.GetRequiredService<IEmailSender>().SendAsync(new EmailMessage(address, marker, marker), CancellationToken.None);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var mails = await mail.MailsToAsync(address);
            if (mails.Any(m => m.GetProperty("subject").GetString() == marker))
            {
                return [.. mails.Where(m => !(m.GetProperty("subject").GetString() ?? "").StartsWith("marker ", StringComparison.Ordinal))];
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The marker mail to {address} did not reach maildev.");
            }

            await Task.Delay(100);
        }
    }
}

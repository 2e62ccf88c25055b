using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.ControlPlane.Jobs.Finance;
using Platform.ControlPlane.Jobs.Rollups;
using Platform.Shared.Domain;
using Platform.Shared.Mail;
using static Platform.ControlPlane.Tests.Jobs.RollupsTestData;

namespace Platform.ControlPlane.Tests.Jobs;

/// <summary>
/// The monthly finance report against a real SMTP server (maildev): last month's spend per feature
/// reaches the owners and finance members once, with the right total and the CSV attached.
/// </summary>
[Collection(MailCollection.Name)]
public sealed class FinanceReportJobTests(MailFixture mail)
{
    private ControlPlaneFixture Fixture => mail.ControlPlane;

    [Fact]
    public async Task Run_PreviousMonth_MailedOnceToOwnerAndFinance_WithTotalAndCsv_RerunSendsNothing()
    {
        var (slug, tenantId) = await NewTenantAsync(Fixture);
        var (monthStart, monthEnd) = PreviousMonth();
        await BackdateAsync(tenantId, monthStart.AddMonths(-1));
        var rolled = new List<UsageEvent>
        {
            Call(tenantId, monthStart, 1_500_000_001, feature: "search"),
            Call(tenantId, monthStart.AddDays(9), 2_250_000_000, feature: "chat"),
        };
        var fresh = new List<UsageEvent> { Call(tenantId, monthEnd.AddMinutes(-1), 999, feature: "chat") };
        var outside = new List<UsageEvent>
        {
            Call(tenantId, monthStart.AddSeconds(-1), 7_000_000_000, feature: "chat"),
            Call(tenantId, monthEnd, 8_000_000_000, feature: "chat"),
        };
        await InsertAsync(Fixture, tenantId, rolled.Concat(outside));
        await RunAsync<UsageRollupJob>(Fixture);
        await InsertAsync(Fixture, tenantId, fresh);

        await RunAsync<MonthlyFinanceReportJob>(Fixture);
        var ownerMails = await SettledMailsAsync($"owner@{slug}.test");
        await RunAsync<MonthlyFinanceReportJob>(Fixture);

        var total = rolled.Concat(fresh).Sum(e => e.CostNanoUsd);
        Assert.Equal(3_750_001_000L, total);
        var financeMails = await SettledMailsAsync($"finance@{slug}.test");
        Assert.Equal(ownerMails.Count, (await SettledMailsAsync($"owner@{slug}.test")).Count);
        foreach (var mails in new[] { ownerMails, financeMails })
        {
            var message = Assert.Single(mails);
            Assert.Contains("3.750001000 USD", message.GetProperty("subject").GetString(), StringComparison.Ordinal);
            Assert.Contains("Total: 3.750001000 USD", message.GetProperty("text").GetString(), StringComparison.Ordinal);
            Assert.Contains($"href=\"{MailFixture.PublicBaseUrl}/finance\"", message.GetProperty("html").GetString(), StringComparison.Ordinal);
            var attachment = Assert.Single(message.GetProperty("attachments").EnumerateArray());
            Assert.Equal("text/csv", attachment.GetProperty("contentType").GetString());
            var csv = Encoding.UTF8.GetString(await mail.Mail.AttachmentAsync(message, attachment.GetProperty("generatedFileName").GetString()!));
            var totalRow = csv.Split("\r\n").Single(l => l.StartsWith("total,", StringComparison.Ordinal)).Split(',');
            Assert.Equal(total.ToString(CultureInfo.InvariantCulture), totalRow[^1]);
            Assert.Contains("group,search,", csv, StringComparison.Ordinal);
        }

        Assert.Empty(await SettledMailsAsync($"admin@{slug}.test"));
        Assert.Empty(await SettledMailsAsync($"viewer@{slug}.test"));
        await using var db = Fixture.Db(tenantId);
        var delivery = await db.FinanceReportDeliveries.AsNoTracking().SingleAsync();
        Assert.Equal((monthStart, 2), (delivery.PeriodStart, delivery.Recipients));
        Assert.NotNull(delivery.SentAt);
    }

    [Fact]
    public async Task Run_TenantCreatedThisMonth_NothingSentOrClaimed()
    {
        var (slug, tenantId) = await NewTenantAsync(Fixture);
        var (monthStart, _) = PreviousMonth();
        await InsertAsync(Fixture, tenantId, [Call(tenantId, monthStart.AddDays(1), 1_000)]);

        await RunAsync<MonthlyFinanceReportJob>(Fixture);

        Assert.Empty(await SettledMailsAsync($"owner@{slug}.test"));
        await using var db = Fixture.Db(tenantId);
        Assert.False(await db.FinanceReportDeliveries.AnyAsync());
    }

    internal static (DateTime Start, DateTime End) PreviousMonth()
    {
        var now = DateTime.UtcNow;
        var end = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        return (end.AddMonths(-1), end);
    }

    /// <summary>A tenant made by the test existed before the reported month, as a real one would.</summary>
    internal static async Task BackdateAsync(ControlPlaneFixture fixture, Guid tenantId, DateTime createdAt)
    {
        await using var db = fixture.Db(null);
        await db.Tenants.Where(t => t.Id == tenantId).ExecuteUpdateAsync(s => s.SetProperty(t => t.CreatedAt, createdAt));
    }

    private Task BackdateAsync(Guid tenantId, DateTime createdAt) => BackdateAsync(Fixture, tenantId, createdAt);

    /// <summary>
    /// Every report mail to <paramref name="address"/>, once maildev has stored everything sent so
    /// far: a marker mail sent after the job's reaches maildev after them, so waiting for it is enough.
    /// </summary>
    private async Task<IReadOnlyList<JsonElement>> SettledMailsAsync(string address)
    {
        var marker = "marker " + Guid.NewGuid().ToString("N");
        await Fixture.Host.Services.GetRequiredService<IEmailSender>().SendAsync(new EmailMessage(address, marker, marker), CancellationToken.None);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var mails = await mail.Mail.MailsToAsync(address);
            if (mails.Any(m => m.GetProperty("subject").GetString() == marker))
            {
                return [.. mails.Where(m => !(m.GetProperty("subject").GetString() ?? "").StartsWith("marker ", StringComparison.Ordinal))];
            }

            Assert.True(DateTime.UtcNow < deadline, $"The marker mail to {address} did not reach maildev within 20 s.");
            await Task.Delay(100);
        }
    }
}

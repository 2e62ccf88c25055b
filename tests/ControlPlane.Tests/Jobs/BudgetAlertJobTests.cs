using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.Shared.Domain;
using static Platform.ControlPlane.Tests.Jobs.BudgetAlertTestData;

namespace Platform.ControlPlane.Tests.Jobs;

/// <summary>
/// The budget alert job against a real SMTP server (maildev): which thresholds raise alerts, once
/// per budget, period and threshold; the numbers in the mail; the forecast; budgets scoped to a key or a feature.
/// </summary>
[Collection(MailCollection.Name)]
public sealed partial class BudgetAlertJobTests(MailFixture mail)
{
    private ControlPlaneFixture Fixture => mail.ControlPlane;

    [Fact]
    public async Task Run_SpendCrosses50Then80Then100_EachRecipientGetsEachAlertOnce_WithItsNumbers()
    {
        var (tenantId, admin) = await TenantAsync(Fixture);
        using var _ = admin;
        string[] recipients = [NewEmail(), NewEmail()];
        var budgetId = await CreateBudgetAsync(admin, limitUsd: 10, thresholds: [50, 80, 100], emails: recipients);

        await SpendAsync(Fixture, tenantId, 5.5m);
        await RunJobAsync(Fixture);
        await SpendAsync(Fixture, tenantId, 2.6m);
        await RunJobAsync(Fixture);
        await RunJobAsync(Fixture);
        var afterEighty = await SettledMailsAsync(Fixture, mail.Mail, recipients[0]);
        var alertsAfterEighty = await AlertsAsync(Fixture, tenantId, budgetId);
        await SpendAsync(Fixture, tenantId, 2m);
        await RunJobAsync(Fixture);
        await RunJobAsync(Fixture);

        Assert.Equal([50, 80], afterEighty.Select(Threshold));
        foreach (var recipient in recipients)
        {
            var mails = await SettledMailsAsync(Fixture, mail.Mail, recipient);
            Assert.Equal([50, 80, 100], mails.Select(Threshold).Order());
            var byThreshold = mails.ToDictionary(Threshold);
            Assert.Equal(("$5.50", "$10.00", "55"), Numbers(byThreshold[50]));
            Assert.Equal(("$8.10", "$10.00", "81"), Numbers(byThreshold[80]));
            Assert.Equal(("$10.10", "$10.00", "101"), Numbers(byThreshold[100]));
            Assert.Contains($"{MailFixture.PublicBaseUrl}/budgets/{budgetId}", Text(byThreshold[80]), StringComparison.Ordinal);
            Assert.Contains($"href=\"{MailFixture.PublicBaseUrl}/budgets/{budgetId}\"", byThreshold[80].GetProperty("html").GetString(), StringComparison.Ordinal);
            Assert.Contains("The limit is reached.", Text(byThreshold[100]), StringComparison.Ordinal);
            Assert.Single(byThreshold[50].GetProperty("to").EnumerateArray());
        }

        var alerts = await AlertsAsync(Fixture, tenantId, budgetId);
        Assert.Equal([50, 80], alertsAfterEighty.Select(a => a.ThresholdPercent));
        Assert.Equal([50, 80, 100], alerts.Select(a => a.ThresholdPercent));
        Assert.Equal([5_500_000_000L, 8_100_000_000L, 10_100_000_000L], alerts.Select(a => a.SpentNanoUsd));
        Assert.All(alerts, a => Assert.Equal(10_000_000_000L, a.LimitNanoUsd));
        Assert.All(alerts, a => Assert.NotNull(a.EmailSentAt));
        Assert.Equal(alertsAfterEighty.Select(a => a.EmailSentAt), alerts.Take(2).Select(a => a.EmailSentAt));
    }

    [Fact]
    public async Task Run_RateWouldExhaustTheLimitWithinThePeriod_ForecastsTheRunOut_ElseNone()
    {
        var (tenantId, admin) = await TenantAsync(Fixture);
        using var _ = admin;
        var (early, late) = (NewEmail(), NewEmail());

        // An hour or two into a 30-day period, 60 % spent: the limit goes at ~1.7 × the time so far.
        var earlyStart = ThisHour.AddHours(-1);
        var earlyId = await CreateBudgetAsync(admin, limitUsd: 10, thresholds: [50], emails: [early], start: earlyStart);

        // Ten or eleven hours into a 12-hour period, 60 % spent: the period ends first.
        var lateId = await CreateBudgetAsync(admin, limitUsd: 10, thresholds: [50], emails: [late], start: ThisHour.AddHours(-10), length: TimeSpan.FromHours(12));
        await SpendAsync(Fixture, tenantId, 6m);

        var before = DateTime.UtcNow;
        await RunJobAsync(Fixture);
        var after = DateTime.UtcNow;

        var forecast = Assert.Single(await AlertsAsync(Fixture, tenantId, earlyId)).ForecastRunOutAt;
        Assert.NotNull(forecast);
        Assert.InRange(forecast.Value, RunOut(earlyStart, before).AddSeconds(-1), RunOut(earlyStart, after));
        Assert.Null(Assert.Single(await AlertsAsync(Fixture, tenantId, lateId)).ForecastRunOutAt);
        var earlyMail = Text(Assert.Single(await MailsAsync(mail.Mail, early, 1)));
        var lateMail = Text(Assert.Single(await MailsAsync(mail.Mail, late, 1)));
        Assert.Contains($"At the current rate this budget runs out on {forecast.Value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC.", earlyMail, StringComparison.Ordinal);
        Assert.Contains("At the current rate this budget lasts until the period ends.", lateMail, StringComparison.Ordinal);

        // The run-out at the rate so far: the start plus the time elapsed times limit / spent.
        static DateTime RunOut(DateTime start, DateTime now) => start.AddTicks((long)((now - start).Ticks * (10.0 / 6.0)));
    }

    [Fact]
    public async Task Run_KeyAndFeatureBudgets_CountOnlyTheirSpend()
    {
        var (tenantId, admin) = await TenantAsync(Fixture);
        using var _ = admin;
        Guid appKey, otherKey;
        await using (var db = Fixture.Db(tenantId))
        {
            var keys = new[] { Key("app"), Key("batch") };
            db.ApiKeys.AddRange(keys);
            await db.SaveChangesAsync();
            (appKey, otherKey) = (keys[0].Id, keys[1].Id);
        }

        var keyBudget = await CreateBudgetAsync(admin, limitUsd: 10, thresholds: [50, 90], scope: "key:app");
        var featureBudget = await CreateBudgetAsync(admin, limitUsd: 10, thresholds: [50], scope: "feature:search");
        await SpendAsync(Fixture, tenantId, 3m, apiKeyId: appKey);
        await SpendAsync(Fixture, tenantId, 3m, apiKeyId: appKey, feature: "search");
        await SpendAsync(Fixture, tenantId, 7m, apiKeyId: otherKey);
        await SpendAsync(Fixture, tenantId, 1m, feature: "chat");

        await RunJobAsync(Fixture);

        var keyAlert = Assert.Single(await AlertsAsync(Fixture, tenantId, keyBudget));
        Assert.Equal((50, 6_000_000_000L), (keyAlert.ThresholdPercent, keyAlert.SpentNanoUsd));
        Assert.Empty(await AlertsAsync(Fixture, tenantId, featureBudget));
        await SpendAsync(Fixture, tenantId, 2.5m, feature: "search");
        await RunJobAsync(Fixture);
        var featureAlert = Assert.Single(await AlertsAsync(Fixture, tenantId, featureBudget));
        Assert.Equal(5_500_000_000L, featureAlert.SpentNanoUsd);
        Assert.Single(await AlertsAsync(Fixture, tenantId, keyBudget));

        static ApiKey Key(string name) => new()
        {
            Name = name,
            Prefix = "plt_test",
            Hash = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"),
        };
    }

    private static int Threshold(JsonElement mail) =>
        int.Parse(SubjectThreshold().Match(mail.GetProperty("subject").GetString() ?? "").Groups[1].Value, CultureInfo.InvariantCulture);

    private static (string Spent, string Limit, string Used) Numbers(JsonElement mail)
    {
        var text = Text(mail);
        return (Line(text, "Spent"), Line(text, "Limit"), Line(text, "Used").TrimEnd('%'));
    }

    private static string Line(string text, string label) =>
        Regex.Match(text, $"^{label}: (.+?)\r?$", RegexOptions.Multiline).Groups[1].Value;

    private static string Text(JsonElement mail) => mail.GetProperty("text").GetString() ?? "";

    [GeneratedRegex("has reached ([0-9]+)% of its limit")]
    private static partial Regex SubjectThreshold();
}

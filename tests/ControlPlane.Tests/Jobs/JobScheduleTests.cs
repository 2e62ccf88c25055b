using System.Net;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.ControlPlane.Jobs;

namespace Platform.ControlPlane.Tests.Jobs;

/// <summary>The recurring jobs Hangfire is given, and who may open its dashboard.</summary>
[Collection(ControlPlaneCollection.Name)]
public sealed class JobScheduleTests(ControlPlaneFixture fixture)
{
    [Fact]
    public async Task Schedule_On_RegistersEveryJobWithItsCron_Off_RemovesThem()
    {
        var services = fixture.Host.Services;
        var definitions = services.GetServices<RecurringJobDefinition>().ToList();
        var manager = services.GetRequiredService<IRecurringJobManager>();
        var storage = services.GetRequiredService<JobStorage>();

        await new JobSchedule(manager, definitions, Options.Create(new JobsOptions { Schedule = true })).StartAsync(CancellationToken.None);
        List<RecurringJobDto> scheduled;
        using (var connection = storage.GetConnection())
        {
            scheduled = connection.GetRecurringJobs();
        }

        await new JobSchedule(manager, definitions, Options.Create(new JobsOptions { Schedule = false })).StartAsync(CancellationToken.None);
        using var after = storage.GetConnection();

        Assert.Equal(
            ["budget-alerts", "finance-monthly", "stripe-billing", "usage-retention", "usage-rollup"],
            definitions.Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.Equal(
            definitions.Select(d => (d.Id, d.Cron)).Order(),
            scheduled.Select(j => (j.Id, j.Cron)).Order());
        Assert.Equal("* * * * *", scheduled.Single(j => j.Id == "usage-rollup").Cron);
        Assert.Empty(after.GetRecurringJobs());
        await using var scope = services.CreateAsyncScope();
        Assert.All(definitions, d => Assert.IsAssignableFrom<IPlatformJob>(scope.ServiceProvider.GetRequiredService(d.JobType)));
    }

    [Fact]
    public async Task HangfireDashboard_OnlyPlatformOperators()
    {
        using var anonymous = fixture.NewClient();
        using var owner = await fixture.SignInAsync("owner");
        var domain = await TestUsers.CreateOperatorAsync(fixture);
        using var platformOperator = await fixture.SignInAsync("operator", domain);

        using var anonymousAnswer = await anonymous.GetAsync("/hangfire");
        using var ownerAnswer = await owner.GetAsync("/hangfire");
        using var operatorAnswer = await platformOperator.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymousAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, ownerAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, operatorAnswer.StatusCode);
        Assert.Contains("Hangfire", await operatorAnswer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

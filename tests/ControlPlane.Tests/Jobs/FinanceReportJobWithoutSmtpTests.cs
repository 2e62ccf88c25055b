using Microsoft.EntityFrameworkCore;
using Platform.ControlPlane.Jobs.Finance;
using static Platform.ControlPlane.Tests.Jobs.RollupsTestData;

namespace Platform.ControlPlane.Tests.Jobs;

/// <summary>Without an SMTP server (the embedded default) the monthly report claims nothing, so it goes once a server is configured.</summary>
[Collection(ControlPlaneCollection.Name)]
public sealed class FinanceReportJobWithoutSmtpTests(ControlPlaneFixture fixture)
{
    [Fact]
    public async Task Run_NoSmtpServer_NoDeliveryRecorded()
    {
        var (_, tenantId) = await NewTenantAsync(fixture);
        var (monthStart, _) = FinanceReportJobTests.PreviousMonth();
        await FinanceReportJobTests.BackdateAsync(fixture, tenantId, monthStart.AddMonths(-1));
        await InsertAsync(fixture, tenantId, [Call(tenantId, monthStart.AddDays(3), 5_000)]);

        await RunAsync<MonthlyFinanceReportJob>(fixture);

        await using var db = fixture.Db(tenantId);
        Assert.False(await db.FinanceReportDeliveries.AnyAsync());
    }
}

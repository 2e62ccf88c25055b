using Platform.ControlPlane.Jobs.Billing;

namespace Platform.ControlPlane.Tests.Billing;

public sealed class BillingPeriodsTests
{
    [Theory]
    [InlineData(10_287_500_000L, 20, 1235L)] // 1234.5 cents: half up
    [InlineData(10_287_400_000L, 20, 1234L)] // 1234.488
    [InlineData(5_000_000L, 0, 1L)] // exactly half a cent
    [InlineData(4_999_999L, 0, 0L)]
    [InlineData(1_000_000_000L, 12.5, 113L)] // 112.5 cents
    [InlineData(0L, 20, 0L)]
    public void AmountCents_UsagePlusMarkup_RoundsHalfUp(long nanoUsd, double markupPercent, long expected) =>
        Assert.Equal(expected, BillingPeriods.AmountCents(nanoUsd, (decimal)markupPercent));

    [Fact]
    public void ClosedMonths_FromTheTenantsFirstMonth_BoundedAndExcludingTheCurrentMonth()
    {
        var now = new DateTime(2025, 3, 14, 9, 0, 0, DateTimeKind.Utc);

        var young = BillingPeriods.ClosedMonths(new DateTime(2025, 1, 20, 0, 0, 0, DateTimeKind.Utc), now, monthsBack: 3);
        var old = BillingPeriods.ClosedMonths(new DateTime(2020, 6, 1, 0, 0, 0, DateTimeKind.Utc), now, monthsBack: 3);
        var fresh = BillingPeriods.ClosedMonths(new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc), now, monthsBack: 3);

        Assert.Equal([new DateTime(2025, 1, 1), new DateTime(2025, 2, 1)], young);
        Assert.Equal([new DateTime(2024, 12, 1), new DateTime(2025, 1, 1), new DateTime(2025, 2, 1)], old);
        Assert.Empty(fresh);
    }

    [Fact]
    public void IdempotencyKey_OnePerTenantMonth()
    {
        var tenant = Guid.Parse("0195f0a1-2b3c-7d4e-8f90-123456789abc");

        Assert.Equal("bill-0195f0a12b3c7d4e8f90123456789abc-202502", BillingPeriods.IdempotencyKey(tenant, new DateTime(2025, 2, 1, 0, 0, 0, DateTimeKind.Utc)));
    }
}

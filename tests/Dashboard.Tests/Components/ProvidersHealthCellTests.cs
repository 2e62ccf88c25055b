using Bunit;
using Platform.Dashboard.Pages.Providers;
using Platform.Shared.Management;

namespace Platform.Dashboard.Tests.Components;

/// <summary>The health cell: no calls, the error rate's colour, latency, the last error, and a circuit always labelled as inferred.</summary>
public sealed class ProvidersHealthCellTests : IAsyncLifetime
{
    private static readonly DateTime At = new(2026, 6, 1, 9, 5, 0, DateTimeKind.Utc);

    private readonly DashboardTestContext _context = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public void NoStatsOrNoCalls_SaysNoCalls()
    {
        var none = _context.Render<HealthCell>();
        var zero = _context.Render<HealthCell>(p => p.Add(c => c.Stats, new HealthStats(0, 0, null, null, null, null)));

        Assert.Contains("No calls", none.Markup, StringComparison.Ordinal);
        Assert.Contains("No calls", zero.Markup, StringComparison.Ordinal);
        Assert.Empty(zero.FindAll("[data-testid='error-rate']"));
    }

    [Theory]
    [InlineData(0, "0% errors", "mud-success-text")]
    [InlineData(1, "5% errors", "mud-warning-text")]
    [InlineData(4, "20% errors", "mud-error-text")]
    public void ErrorRate_IsColouredByHowBadItIs(int errors, string text, string colour)
    {
        var cell = _context.Render<HealthCell>(p => p.Add(c => c.Stats, new HealthStats(20, errors, 110, 950, null, null)));

        var rate = cell.Find("[data-testid='error-rate']");
        Assert.Equal(text, rate.TextContent.Trim());
        Assert.Contains(colour, rate.ClassName, StringComparison.Ordinal);
        Assert.Equal("p50 110 ms · p95 950 ms", cell.Find("[data-testid='latency']").TextContent.Trim());
    }

    [Fact]
    public void LastError_ShowsItsClassAndTime_OnlyWhenThereWasOne()
    {
        var failing = _context.Render<HealthCell>(p => p.Add(c => c.Stats, new HealthStats(3, 1, 100, 100, "rate_limited", At)));
        var clean = _context.Render<HealthCell>(p => p.Add(c => c.Stats, new HealthStats(3, 0, 100, 100, null, null)));

        Assert.Equal("last error: rate_limited at 09:05", failing.Find("[data-testid='last-error']").TextContent.Trim());
        Assert.Empty(clean.FindAll("[data-testid='last-error']"));
    }

    [Fact]
    public void Circuit_OpenShowsWhenItWasSeen_AndEveryStateSaysInferred()
    {
        var open = _context.Render<HealthCell>(p => p.Add(c => c.Circuit, new CircuitView("open", true, At)));
        var closed = _context.Render<HealthCell>(p => p.Add(c => c.Circuit, new CircuitView("closed", true, null)));
        var provider = _context.Render<HealthCell>(p => p.Add(c => c.Stats, new HealthStats(1, 0, 1, 1, null, null)));

        Assert.Equal("circuit open (seen 09:05, inferred)", open.Find("[data-testid='circuit']").TextContent.Trim());
        Assert.Contains("mud-error-text", open.Find("[data-testid='circuit']").ClassName, StringComparison.Ordinal);
        Assert.Equal("circuit closed (inferred)", closed.Find("[data-testid='circuit']").TextContent.Trim());
        Assert.Empty(provider.FindAll("[data-testid='circuit']"));
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.ControlPlane.Access;
using Platform.ControlPlane.Features.Providers;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Tests;

/// <summary>
/// <see cref="IProviderOperations.HealthAsync"/> over real usage rows in SQLite: the window, error
/// rates, percentiles of successful attempts, the last error, the inferred circuit, and the tenant.
/// The clock is stopped at <see cref="Now"/>, so "the last 15 minutes" is exact.
/// </summary>
[Collection(ControlPlaneCollection.Name)]
public sealed class CatalogHealthTests(ControlPlaneFixture fixture)
{
    private static readonly DateTime Now = new(2026, 3, 2, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task HealthAsync_LastFifteenMinutes_CountsErrorsPercentilesAndLastErrorPerModelAndProvider()
    {
        var tenantId = await fixture.TenantIdAsync(await TestTenants.CreateAsync(fixture));
        var calls = Enumerable.Range(1, 10).Select(i => Call(tenantId, Now.AddMinutes(-i), ("alpha", "fast", null, i * 100))).ToList();
        calls.Add(Call(tenantId, Now.AddMinutes(-10), ("alpha", "fast", "timeout", 5_000), ("beta", "backup", null, 50)));
        calls.Add(Call(tenantId, Now.AddMinutes(-3), ("alpha", "fast", "server_error", 20)));
        calls.Add(Call(tenantId, Now.AddMinutes(-30), ("alpha", "fast", "auth", 10)));
        calls.Add(Call(tenantId, Now.AddMinutes(-2), ("alpha", "slow", null, 900)));
        var hedged = Call(tenantId, Now.AddMinutes(-1), ("alpha", "slow", null, 700), ("beta", "backup", null, 9_999));
        hedged.Attempts[1].Cancelled = true;
        calls.Add(hedged);
        calls.Add(Call(tenantId, Now.AddMinutes(16), ("alpha", "fast", "server_error", 1)));
        await SaveAsync(tenantId, calls);

        var health = await HealthAsync(tenantId, "viewer", "15m");

        Assert.True(health.Succeeded, health.Failure?.Detail);
        Assert.Equal((Now.AddMinutes(-15), Now), (health.Value.From, health.Value.To));
        var fast = health.Value.Models.Single(m => m.UpstreamId == "fast");
        Assert.Equal(new HealthStats(12, 2, 500, 1_000, "server_error", Now.AddMinutes(-3)), fast.Stats);
        Assert.Equal("closed", fast.Circuit.State);
        Assert.True(fast.Circuit.Inferred);
        var backup = health.Value.Models.Single(m => m.UpstreamId == "backup");
        Assert.Equal(new HealthStats(1, 0, 50, 50, null, null), backup.Stats);
        var alpha = health.Value.Providers.Single(p => p.Provider == "alpha");
        Assert.Equal((14, 2, 0), (alpha.Stats.Calls, alpha.Stats.Errors, alpha.ModelsOpen));
        Assert.Equal(("server_error", 1_000), (alpha.Stats.LastErrorClass, alpha.Stats.P95Ms));
        Assert.Equal(["alpha", "beta"], health.Value.Providers.Select(p => p.Provider));
    }

    [Fact]
    public async Task HealthAsync_LastHour_IncludesOlderCalls_OtherTenantsCallsNever()
    {
        var tenantId = await fixture.TenantIdAsync(await TestTenants.CreateAsync(fixture));
        var otherId = await fixture.TenantIdAsync(await TestTenants.CreateAsync(fixture));
        await SaveAsync(tenantId, [Call(tenantId, Now.AddMinutes(-30), ("alpha", "fast", "auth", 10)), Call(tenantId, Now.AddMinutes(-5), ("alpha", "fast", null, 40))]);
        await SaveAsync(otherId, [Call(otherId, Now.AddMinutes(-5), ("alpha", "fast", "server_error", 10))]);

        var quarter = await HealthAsync(tenantId, "viewer", "15m");
        var hour = await HealthAsync(tenantId, "viewer", "1h");

        Assert.Equal(new HealthStats(1, 0, 40, 40, null, null), Assert.Single(quarter.Value!.Models).Stats);
        Assert.Equal(new HealthStats(2, 1, 40, 40, "auth", Now.AddMinutes(-30)), Assert.Single(hour.Value!.Models).Stats);
    }

    [Fact]
    public async Task HealthAsync_MostRecentAttemptsFailingWithBreakingClasses_InfersOpenCircuit_ANonBreakingClassDoesNot()
    {
        var tenantId = await fixture.TenantIdAsync(await TestTenants.CreateAsync(fixture));
        var calls = new List<UsageEvent>();
        for (var i = 0; i < 12; i++)
        {
            calls.Add(Call(tenantId, Now.AddSeconds(-20 + i), ("alpha", "sick", i % 4 == 0 ? null : "server_error", 30)));
            calls.Add(Call(tenantId, Now.AddSeconds(-20 + i), ("alpha", "refused", "auth", 30)));
        }

        await SaveAsync(tenantId, calls);

        var health = await HealthAsync(tenantId, "viewer", "15m");

        var sick = health.Value!.Models.Single(m => m.UpstreamId == "sick");
        Assert.Equal(new CircuitView("open", true, Now.AddSeconds(-9)), sick.Circuit);
        Assert.Equal("closed", health.Value.Models.Single(m => m.UpstreamId == "refused").Circuit.State);
        Assert.Equal(1, health.Value.Providers.Single().ModelsOpen);
    }

    [Fact]
    public async Task HealthAsync_UnknownWindow_InvalidNamingTheField()
    {
        var tenantId = await fixture.TenantIdAsync(await TestTenants.CreateAsync(fixture));

        var health = await HealthAsync(tenantId, "viewer", "7d");

        Assert.Equal(OutcomeStatus.Invalid, health.Status);
        Assert.Contains("15m, 1h, 24h", Assert.Single(health.Failure!.Errors["Window"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthQueries_SeekTheCallsByTheTenantAndStartedAtIndex_NotAScan()
    {
        var tenantId = await fixture.TenantIdAsync(await TestTenants.CreateAsync(fixture));
        await using var db = fixture.Db(tenantId);
        var grouped = CatalogHealthReader.Attempts(db, Now.AddHours(-24), Now)
            .GroupBy(a => new { a.Provider, a.Model })
            .Select(g => new { g.Key.Provider, g.Key.Model, Calls = g.Count(), Errors = g.Count(a => a.ErrorClass != null) });

        var plan = await PlanAsync(db, grouped.ToQueryString());

        Assert.True(plan.Any(step => step.Contains("INDEX IX_UsageEvents_TenantId_StartedAt (TenantId=? AND StartedAt>? AND StartedAt<?)", StringComparison.Ordinal)),
            string.Join(" | ", plan));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal) && step.Contains("UsageEvents", StringComparison.Ordinal));
    }

    /// <summary>SQLite's plan of the query EF would run (its <c>.param set</c> lines bound as nulls: the plan does not depend on values).</summary>
    private static async Task<List<string>> PlanAsync(PlatformDbContext db, string queryString)
    {
        var lines = queryString.Split('\n');
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', lines.Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
        foreach (var name in lines.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)).Select(l => l.Split(' ')[2]))
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = DBNull.Value;
            command.Parameters.Add(parameter);
        }

        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }

        return steps;
    }

    /// <summary>The operation as the dashboard runs it: a scope acting as a member of the tenant, with the clock stopped.</summary>
    private async Task<Outcome<CatalogHealthView>> HealthAsync(Guid tenantId, string role, string window)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenantId);
        scope.ServiceProvider.GetRequiredService<Caller>()
            .ForUser(tenantId, Enum.Parse<TenantRole>(role, ignoreCase: true), Guid.NewGuid(), $"{role}@health.test", isOperator: false);
        var operations = ActivatorUtilities.CreateInstance<ProviderOperations>(scope.ServiceProvider, new StoppedClock(Now));
        return await operations.HealthAsync(new CatalogHealthQuery(window), CancellationToken.None);
    }

    private async Task SaveAsync(Guid tenantId, IEnumerable<UsageEvent> calls)
    {
        await using var db = fixture.Db(tenantId);
        db.UsageEvents.AddRange(calls);
        await db.SaveChangesAsync();
    }

    private static UsageEvent Call(Guid tenantId, DateTime at, params (string Provider, string Model, string? Error, int LatencyMs)[] attempts)
    {
        var call = new UsageEvent
        {
            TenantId = tenantId,
            Endpoint = "chat",
            StartedAt = at,
            Status = attempts[^1].Error is null ? 200 : 502,
            Provider = attempts[^1].Provider,
            Model = attempts[^1].Model,
            FallbackCount = attempts.Length - 1,
        };
        call.Attempts.AddRange(attempts.Select((a, i) => new UsageAttempt
        {
            TenantId = tenantId,
            UsageEventId = call.Id,
            Index = i,
            Provider = a.Provider,
            Model = a.Model,
            ErrorClass = a.Error,
            Status = a.Error is null ? 200 : 502,
            LatencyMs = a.LatencyMs,
        }));
        return call;
    }
}

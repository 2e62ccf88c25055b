using System.Diagnostics;
using Platform.Simulator;

namespace Platform.DataPlane.Tests.Integration;

/// <summary>Circuit breaking, hedging and least-latency routing, observed from outside.</summary>
[Collection(DataPlaneCollection.Name)]
public sealed class RoutingBehaviourTests(DataPlaneFixture fixture)
{
    [Fact]
    public async Task Chat_RepeatedFailures_CircuitOpensSkipsModelThenProbeClosesIt()
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Providers + "\nmodels:\n"
            + TenantYaml.Model("flaky") + "\n" + TenantYaml.Model("steady") + "\n" + TenantYaml.Key + """

            fallbackPolicies:
              - name: brittle
                maxRetries: 0
                retryOn: []
                fallbackOn: [server_error]
                circuitBreaker: { failureRatio: 0.5, minimumThroughput: 2, samplingSeconds: 30, breakSeconds: 1 }
            routes:
              - name: main
                candidates: [oa/flaky, oa/steady]
                strategy: priority
                fallbackPolicy: brittle
            """);
        var flaky = tenant.Up("flaky");
        fixture.Simulator.Scripts.Set(flaky, new ModelScript { Fault = SimulatorFault.InternalServerError });

        // Two failures at a minimum throughput of 2 open the circuit; both calls still succeed via the fallback.
        for (var i = 0; i < 2; i++)
        {
            using var failing = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat("route:main"));
            await Gateway.OkJsonAsync(failing);
            Assert.Equal("1", Gateway.Header(failing, "x-platform-fallbacks"));
        }

        Assert.Equal(2, fixture.Simulator.Stats.GetCalls(flaky));
        for (var i = 0; i < 3; i++)
        {
            using var skipping = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat("route:main"));
            await Gateway.OkJsonAsync(skipping);
            Assert.Equal(tenant.Up("steady"), Gateway.Header(skipping, "x-platform-model"));
            Assert.Equal("0", Gateway.Header(skipping, "x-platform-fallbacks"));
        }

        Assert.Equal(2, fixture.Simulator.Stats.GetCalls(flaky));

        // The upstream recovers; once the 1 s break is over the next call is the half-open probe.
        fixture.Simulator.Scripts.Remove(flaky);
        await Task.Delay(TimeSpan.FromMilliseconds(1300));
        using (var probe = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat("route:main")))
        {
            await Gateway.OkJsonAsync(probe);
            Assert.Equal(flaky, Gateway.Header(probe, "x-platform-model"));
        }

        using (var closed = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat("route:main")))
        {
            await Gateway.OkJsonAsync(closed);
            Assert.Equal(flaky, Gateway.Header(closed, "x-platform-model"));
        }

        Assert.Equal(2, fixture.Simulator.Stats.GetCalls(flaky, "ok"));
    }

    [Fact]
    public async Task Chat_HedgedRouteSlowPrimary_SecondCandidateAnswersLoserRecordedCancelled()
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Providers + "\nmodels:\n"
            + TenantYaml.Model("slow") + "\n" + TenantYaml.Model("quick", "an") + "\n" + TenantYaml.Key + """

            routes:
              - name: main
                candidates: [oa/slow, an/quick]
                strategy: hedged
                hedgeAfterMs: 100
            """);
        fixture.Simulator.Scripts.Set(tenant.Up("slow"), new ModelScript { LatencyMs = 2000 });

        var watch = Stopwatch.StartNew();
        using var response = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat("route:main"));
        watch.Stop();

        await Gateway.OkJsonAsync(response);
        Assert.Equal(tenant.Up("quick"), Gateway.Header(response, "x-platform-model"));
        Assert.True(watch.Elapsed < TimeSpan.FromMilliseconds(1500), $"answered after {watch.ElapsedMilliseconds} ms");
        Assert.Equal(1, fixture.Simulator.Stats.GetCalls(tenant.Up("slow")));
        var usage = Assert.Single(await fixture.WaitForUsageAsync(tenant));
        Assert.Equal(tenant.Up("quick"), usage.Model);
        var loser = Assert.Single(usage.Attempts, a => a.Model == tenant.Up("slow"));
        Assert.True(loser.Cancelled);
        var winner = Assert.Single(usage.Attempts, a => a.Model == tenant.Up("quick"));
        Assert.False(winner.Cancelled);
        Assert.Null(winner.ErrorClass);
    }

    [Fact]
    public async Task Chat_LeastLatencyRoute_TrafficShiftsToTheFasterCandidate()
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Providers + "\nmodels:\n"
            + TenantYaml.Model("sluggish") + "\n" + TenantYaml.Model("snappy") + "\n" + TenantYaml.Key + """

            routes:
              - name: main
                candidates: [oa/sluggish, oa/snappy]
                strategy: leastLatency
            """);
        fixture.Simulator.Scripts.Set(tenant.Up("sluggish"), new ModelScript { LatencyMs = 300 });

        var served = new List<string?>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await Gateway.ChatAsync(fixture.Client, tenant.Key, Gateway.Chat("route:main"));
            await Gateway.OkJsonAsync(response);
            served.Add(Gateway.Header(response, "x-platform-model"));
        }

        // Unmeasured candidates go first (each is measured once); after that the faster one takes every call.
        Assert.Equal(1, fixture.Simulator.Stats.GetCalls(tenant.Up("sluggish")));
        Assert.All(served[2..], model => Assert.Equal(tenant.Up("snappy"), model));
    }
}

using Platform.DataPlane.Configuration;
using Platform.DataPlane.Routing;
using Platform.Shared.Domain;
using static Platform.DataPlane.Tests.Routing.TestPolicies;

namespace Platform.DataPlane.Tests.Routing;

public sealed class StrategyOrderTests
{
    [Fact]
    public void Select_Priority_OrdersByConfiguredPriorityNotListOrder()
    {
        var first = Model("openai/first");
        var second = Model("openai/second");
        var third = Model("openai/third");
        var route = new RoutePolicy
        {
            Name = "r",
            Strategy = RoutingStrategy.Priority,
            Candidates = [new WeightedModel(third, 3, 1), new WeightedModel(first, 1, 1), new WeightedModel(second, 2, 1)],
        };
        var tenant = Tenant([first, second, third], [route]);

        var decision = CreateHarness().Select(tenant, "route:r", Needs());

        Assert.Equal([first, second, third], decision.Candidates);
    }

    [Fact]
    public void Select_Weighted_FirstPickFollowsWeightsOver10kSelections()
    {
        var heavy = Model("openai/heavy");
        var medium = Model("openai/medium");
        var light = Model("openai/light");
        var route = new RoutePolicy
        {
            Name = "w",
            Strategy = RoutingStrategy.Weighted,
            Candidates = [new WeightedModel(heavy, 1, 70), new WeightedModel(medium, 2, 20), new WeightedModel(light, 3, 10)],
        };
        var tenant = Tenant([heavy, medium, light], [route]);
        var harness = CreateHarness(seed: 42);
        var firsts = new Dictionary<string, int>();
        const int Runs = 10_000;

        for (var i = 0; i < Runs; i++)
        {
            var decision = harness.Select(tenant, "route:w", Needs());
            Assert.Equal(3, decision.Candidates.Distinct().Count());
            var name = decision.Candidates[0].Name;
            firsts[name] = firsts.GetValueOrDefault(name) + 1;
        }

        Assert.InRange(firsts["openai/heavy"] / (double)Runs, 0.68, 0.72);
        Assert.InRange(firsts["openai/medium"] / (double)Runs, 0.18, 0.22);
        Assert.InRange(firsts["openai/light"] / (double)Runs, 0.08, 0.12);
    }

    [Fact]
    public void Select_Weighted_SecondPickDrawsFromTheRemainingByWeight()
    {
        var heavy = Model("openai/heavy");
        var medium = Model("openai/medium");
        var light = Model("openai/light");
        var route = new RoutePolicy
        {
            Name = "w",
            Strategy = RoutingStrategy.Weighted,
            Candidates = [new WeightedModel(heavy, 1, 70), new WeightedModel(medium, 2, 20), new WeightedModel(light, 3, 10)],
        };
        var tenant = Tenant([heavy, medium, light], [route]);
        var harness = CreateHarness(seed: 7);
        int heavyFirst = 0, mediumSecondAfterHeavy = 0;

        for (var i = 0; i < 10_000; i++)
        {
            var candidates = harness.Select(tenant, "route:w", Needs()).Candidates;
            if (candidates[0] == heavy)
            {
                heavyFirst++;
                mediumSecondAfterHeavy += candidates[1] == medium ? 1 : 0;
            }
        }

        // Without replacement: after heavy, medium comes next with 20 / (20 + 10).
        Assert.InRange(mediumSecondAfterHeavy / (double)heavyFirst, 0.64, 0.70);
    }

    [Fact]
    public void Select_WeightedWithZeroWeight_ZeroWeightAlwaysLast()
    {
        var a = Model("openai/a");
        var b = Model("openai/b");
        var never = Model("openai/never");
        var route = new RoutePolicy
        {
            Name = "w",
            Strategy = RoutingStrategy.Weighted,
            Candidates = [new WeightedModel(never, 1, 0), new WeightedModel(a, 2, 1), new WeightedModel(b, 3, 1)],
        };
        var tenant = Tenant([a, b, never], [route]);
        var harness = CreateHarness();

        for (var i = 0; i < 200; i++)
        {
            Assert.Same(never, harness.Select(tenant, "route:w", Needs()).Candidates[2]);
        }
    }

    [Fact]
    public void Select_LeastLatency_UnmeasuredFirstThenAscendingLatency()
    {
        var slow = Model("openai/slow");
        var fast = Model("openai/fast");
        var unmeasured = Model("openai/new");
        var mid = Model("openai/mid");
        var tenant = Tenant([slow, fast, unmeasured, mid], [Route("l", RoutingStrategy.LeastLatency, slow, fast, unmeasured, mid)]);
        var harness = CreateHarness();
        harness.Latency.RecordSuccess(slow.Id, TimeSpan.FromMilliseconds(900));
        harness.Latency.RecordSuccess(fast.Id, TimeSpan.FromMilliseconds(100));
        harness.Latency.RecordSuccess(mid.Id, TimeSpan.FromMilliseconds(400));

        var decision = harness.Select(tenant, "route:l", Needs());

        Assert.Equal([unmeasured, fast, mid, slow], decision.Candidates);
    }

    [Fact]
    public void Select_LeastLatency_ShiftsWhenFastestModelSlowsDown()
    {
        var a = Model("openai/a");
        var b = Model("openai/b");
        var tenant = Tenant([a, b], [Route("l", RoutingStrategy.LeastLatency, a, b)]);
        var harness = CreateHarness();
        harness.Latency.RecordSuccess(a.Id, TimeSpan.FromMilliseconds(200));
        harness.Latency.RecordSuccess(b.Id, TimeSpan.FromMilliseconds(500));
        var before = harness.Select(tenant, "route:l", Needs()).Candidates[0];

        for (var i = 0; i < 10; i++)
        {
            harness.Latency.RecordSuccess(a.Id, TimeSpan.FromMilliseconds(2_000));
        }

        var after = harness.Select(tenant, "route:l", Needs()).Candidates;

        Assert.Same(a, before);
        Assert.Equal([b, a], after);
    }

    [Fact]
    public void Select_LeastLatency_StaleMeasurementCountsAsUnmeasured()
    {
        var a = Model("openai/a");
        var b = Model("openai/b");
        var tenant = Tenant([a, b], [Route("l", RoutingStrategy.LeastLatency, a, b)]);
        var harness = CreateHarness();
        harness.Latency.RecordSuccess(b.Id, TimeSpan.FromMilliseconds(900));
        harness.Time.Advance(TimeSpan.FromMinutes(10));
        harness.Latency.RecordSuccess(a.Id, TimeSpan.FromMilliseconds(100));

        var decision = harness.Select(tenant, "route:l", Needs());

        Assert.Equal([b, a], decision.Candidates);
    }

    [Fact]
    public void Select_LeastLatency_TiesKeepPriorityOrder()
    {
        var a = Model("openai/a");
        var b = Model("openai/b");
        var c = Model("openai/c");
        var tenant = Tenant([a, b, c], [Route("l", RoutingStrategy.LeastLatency, a, b, c)]);

        var decision = CreateHarness().Select(tenant, "route:l", Needs());

        Assert.Equal([a, b, c], decision.Candidates);
    }

    [Fact]
    public void Select_LeastCost_DependsOnTokenMix()
    {
        // cheapIn: $1 in / $30 out per 1M; cheapOut: $10 in / $2 out per 1M.
        var cheapIn = Model("openai/cheap-in", inputPrice: 1m, outputPrice: 30m);
        var cheapOut = Model("openai/cheap-out", inputPrice: 10m, outputPrice: 2m);
        var tenant = Tenant([cheapIn, cheapOut], [Route("c", RoutingStrategy.LeastCost, cheapOut, cheapIn)]);
        var harness = CreateHarness();

        var longPrompt = harness.Select(tenant, "route:c", Needs(inputTokens: 50_000, maxOutput: 100)).Candidates;
        var longAnswer = harness.Select(tenant, "route:c", Needs(inputTokens: 100, maxOutput: 8_000)).Candidates;

        Assert.Equal([cheapIn, cheapOut], longPrompt);
        Assert.Equal([cheapOut, cheapIn], longAnswer);
    }

    [Fact]
    public void Select_LeastCost_EqualCostKeepsPriorityOrder()
    {
        var a = Model("openai/a", inputPrice: 5m, outputPrice: 5m);
        var b = Model("openai/b", inputPrice: 5m, outputPrice: 5m);
        var pricey = Model("openai/pricey", inputPrice: 50m, outputPrice: 50m);
        var tenant = Tenant([a, b, pricey], [Route("c", RoutingStrategy.LeastCost, pricey, a, b)]);

        var decision = CreateHarness().Select(tenant, "route:c", Needs());

        Assert.Equal([a, b, pricey], decision.Candidates);
    }

    [Fact]
    public void EstimatedCost_UsesPricesPerMillionTokens()
    {
        var model = Model("openai/m", inputPrice: 2m, outputPrice: 8m);

        var cost = CandidateOrdering.EstimatedCost(model, Needs(inputTokens: 1_000_000, maxOutput: 500_000));

        Assert.Equal(6.0, cost, precision: 9);
    }

    [Fact]
    public void Select_Hedged_PriorityOrderWithRouteDelay()
    {
        var a = Model("openai/a");
        var b = Model("openai/b");
        var route = Route("h", RoutingStrategy.Hedged, a, b) with { HedgeAfter = TimeSpan.FromMilliseconds(750) };
        var tenant = Tenant([a, b], [route]);

        var decision = CreateHarness().Select(tenant, "route:h", Needs());

        Assert.Equal([a, b], decision.Candidates);
        Assert.Equal(RoutingStrategy.Hedged, decision.Strategy);
        Assert.Equal(TimeSpan.FromMilliseconds(750), decision.HedgeAfter);
    }

    [Fact]
    public void Select_HedgedWithoutDelay_UsesDefaultHedgeAfter()
    {
        var a = Model("openai/a");
        var tenant = Tenant([a], [Route("h", RoutingStrategy.Hedged, a)]);

        var decision = CreateHarness().Select(tenant, "route:h", Needs());

        Assert.Equal(RouteDecision.DefaultHedgeAfter, decision.HedgeAfter);
    }
}

using Platform.DataPlane.Configuration;
using Platform.DataPlane.Routing;
using Platform.Shared.Domain;
using static Platform.DataPlane.Tests.Routing.TestPolicies;

namespace Platform.DataPlane.Tests.Routing;

public sealed class SelectionOutcomeTests
{
    [Fact]
    public void Select_UnknownReference_Fails404ModelNotFound()
    {
        var tenant = Tenant([Model("openai/gpt-4o")]);

        var decision = CreateHarness().Select(tenant, "route:missing", Needs());

        Assert.False(decision.Succeeded);
        Assert.Equal(SelectionErrorKind.ModelNotFound, decision.Error!.Kind);
        Assert.Equal(404, decision.Error.StatusCode);
        Assert.Equal("model_not_found", decision.Error.Code);
        Assert.Equal("route 'missing' does not exist", decision.Error.Message);
    }

    [Fact]
    public void Select_KeyScopedToOtherRoutes_Fails403()
    {
        var model = Model("openai/gpt-4o");
        var tenant = Tenant([model], [Route("support", RoutingStrategy.Priority, model), Route("billing", RoutingStrategy.Priority, model)]);

        var decision = CreateHarness().Select(tenant, "route:billing", Needs(), Key(routes: ["support"]));

        Assert.Equal(403, decision.Error?.StatusCode);
        Assert.Equal("permission_denied", decision.Error?.Code);
        Assert.Equal("this API key may not use route 'billing'", decision.Error?.Message);
    }

    [Fact]
    public void Select_KeyScopedToItsRoute_Succeeds()
    {
        var model = Model("openai/gpt-4o");
        var tenant = Tenant([model], [Route("support", RoutingStrategy.Priority, model)]);

        var decision = CreateHarness().Select(tenant, "support", Needs(), Key(routes: ["support"]));

        Assert.True(decision.Succeeded);
        Assert.Equal("support", decision.RouteName);
    }

    [Fact]
    public void Select_TierWithKeyListingTierEntry_SucceedsAndOtherwiseFails403()
    {
        var model = Model("openai/gpt-4o");
        var tenant = Tenant([model], tiers: [new TierPolicy("fast", Weighted(model))]);
        var harness = CreateHarness();

        var allowed = harness.Select(tenant, "tier:fast", Needs(), Key(routes: ["tier:fast"]));
        var denied = harness.Select(tenant, "tier:fast", Needs(), Key(routes: ["support"]));

        Assert.True(allowed.Succeeded);
        Assert.Equal("fast", allowed.TierName);
        Assert.Null(allowed.RouteName);
        Assert.Equal(SelectionErrorKind.PermissionDenied, denied.Error?.Kind);
    }

    [Fact]
    public void Select_DirectModelOutsideKeyModels_Fails403()
    {
        var model = Model("openai/gpt-4o");
        var tenant = Tenant([model, Model("openai/mini")]);

        var decision = CreateHarness().Select(tenant, "openai/gpt-4o", Needs(), Key(models: ["openai/mini"]));

        Assert.Equal(SelectionErrorKind.PermissionDenied, decision.Error?.Kind);
    }

    [Fact]
    public void Select_KeyAllowsNoCandidateOfRoute_Fails403WithExclusions()
    {
        var a = Model("openai/a");
        var b = Model("openai/b");
        var tenant = Tenant([a, b, Model("openai/c")], [Route("r", RoutingStrategy.Priority, a, b)]);

        var decision = CreateHarness().Select(tenant, "route:r", Needs(), Key(models: ["openai/c"]));

        Assert.Equal(403, decision.Error?.StatusCode);
        Assert.All(decision.Excluded, e => Assert.Equal("not_allowed_for_key", e.Reason));
    }

    [Fact]
    public void Select_NoCandidateSupportsTools_Fails400NamingTools()
    {
        var a = Model("openai/a", ModelCapabilities.Streaming);
        var b = Model("openai/b", ModelCapabilities.Streaming | ModelCapabilities.Vision);
        var tenant = Tenant([a, b], [Route("x", RoutingStrategy.Priority, a, b)]);

        var decision = CreateHarness().Select(tenant, "route:x", Needs() with { NeedsTools = true, NeedsVision = true });

        Assert.Equal(400, decision.Error?.StatusCode);
        Assert.Equal("no_eligible_candidate", decision.Error?.Code);
        Assert.Equal("no candidate of route 'x' supports tools", decision.Error?.Message);
        Assert.Empty(decision.Candidates);
        Assert.Equal(2, decision.Excluded.Count);
    }

    [Fact]
    public void Select_CandidatesFailForDifferentReasons_Fails400ListingEach()
    {
        var small = Model("openai/small", contextWindow: 4_000);
        var blind = Model("openai/blind", ChatCapabilities & ~ModelCapabilities.Vision);
        var tenant = Tenant([small, blind], [Route("x", RoutingStrategy.Priority, small, blind)]);

        var decision = CreateHarness().Select(tenant, "route:x", Needs(inputTokens: 5_000) with { NeedsVision = true });

        Assert.Equal(400, decision.Error?.StatusCode);
        Assert.Equal("no candidate of route 'x' can serve this request: openai/small (context_window); openai/blind (vision)", decision.Error?.Message);
    }

    [Fact]
    public void Select_DirectModelLackingCapability_Fails400NamingTheModel()
    {
        var model = Model("openai/plain", ModelCapabilities.Streaming);
        var tenant = Tenant([model]);

        var decision = CreateHarness().Select(tenant, "openai/plain", Needs() with { NeedsJsonSchema = true });

        Assert.Equal(400, decision.Error?.StatusCode);
        Assert.Equal("model 'openai/plain' does not support json_schema response format", decision.Error?.Message);
    }

    [Fact]
    public void Select_DirectModel_OnlyThatModelWithDefaultFallback()
    {
        var model = Model("openai/gpt-4o");
        var tenant = Tenant([model, Model("openai/mini")]);

        var decision = CreateHarness().Select(tenant, "openai/gpt-4o", Needs());

        Assert.True(decision.Succeeded);
        Assert.Equal([model], decision.Candidates);
        Assert.Same(FallbackRules.Default, decision.Fallback);
        Assert.Null(decision.RouteName);
        Assert.Equal(RoutingStrategy.Priority, decision.Strategy);
    }

    [Fact]
    public void Select_Route_CarriesRouteFallbackTierAndStrategy()
    {
        var model = Model("openai/gpt-4o");
        var rules = FallbackRules.Default with { Name = "strict", MaxCandidates = 2 };
        var route = Route("r", RoutingStrategy.LeastCost, model) with { Fallback = rules, TierName = "smart" };
        var tenant = Tenant([model], [route]);

        var decision = CreateHarness().Select(tenant, "route:r", Needs());

        Assert.Same(rules, decision.Fallback);
        Assert.Equal("smart", decision.TierName);
        Assert.Equal(RoutingStrategy.LeastCost, decision.Strategy);
        Assert.Null(decision.HedgeAfter);
    }

    [Fact]
    public void Select_LargeRoute_HandlesMoreCandidatesThanStackBuffers()
    {
        var models = Enumerable.Range(0, 100).Select(i => Model($"openai/m{i:000}", contextWindow: i % 2 == 0 ? 128_000 : 1_000)).ToArray();
        var tenant = Tenant(models, [Route("big", RoutingStrategy.LeastCost, models)]);

        var decision = CreateHarness().Select(tenant, "route:big", Needs(inputTokens: 2_000));

        Assert.Equal(50, decision.Candidates.Count);
        Assert.Equal(50, decision.Excluded.Count);
        Assert.Equal("openai/m000", decision.Candidates[0].Name);
    }

    [Fact]
    public void LargerContextCandidates_AfterContextError_KeepsOnlyStrictlyLargerInOrder()
    {
        var failed = Model("openai/mid", contextWindow: 128_000);
        var small = Model("openai/small", contextWindow: 8_000);
        var same = Model("azure/mid", contextWindow: 128_000);
        var huge = Model("google/huge", contextWindow: 1_000_000);
        var big = Model("anthropic/big", contextWindow: 200_000);
        var unknown = Model("other/unknown", contextWindow: 0);

        var larger = CandidateSelector.LargerContextCandidates([small, huge, same, unknown, big], failed);

        Assert.Equal([huge, big], larger);
    }

    [Fact]
    public void LargerContextCandidates_NoneLarger_ReturnsEmpty()
    {
        var failed = Model("google/huge", contextWindow: 1_000_000);

        var larger = CandidateSelector.LargerContextCandidates([Model("openai/small", contextWindow: 8_000)], failed);

        Assert.Empty(larger);
    }
}

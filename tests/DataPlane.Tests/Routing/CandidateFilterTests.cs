using Platform.DataPlane.Configuration;
using Platform.DataPlane.Routing;
using Platform.Shared.Domain;
using Platform.Shared.Routing;
using static Platform.DataPlane.Tests.Routing.TestPolicies;

namespace Platform.DataPlane.Tests.Routing;

public sealed class CandidateFilterTests
{
    public static TheoryData<ModelCapabilities, string> Capabilities => new()
    {
        { ModelCapabilities.Tools, "tools" },
        { ModelCapabilities.JsonSchema, "json_schema" },
        { ModelCapabilities.Streaming, "streaming" },
        { ModelCapabilities.Vision, "vision" },
        { ModelCapabilities.Embeddings, "embeddings" },
    };

    [Theory]
    [MemberData(nameof(Capabilities))]
    public void Select_CandidateMissingNeededCapability_ExcludedWithThatReason(ModelCapabilities capability, string code)
    {
        var all = ChatCapabilities | ModelCapabilities.Embeddings;
        var lacking = Model("openai/lacking", all & ~capability);
        var capable = Model("openai/capable", all);
        var tenant = Tenant([lacking, capable], [Route("r", RoutingStrategy.Priority, lacking, capable)]);
        var needs = Needs() with
        {
            NeedsTools = capability == ModelCapabilities.Tools,
            NeedsJsonSchema = capability == ModelCapabilities.JsonSchema,
            NeedsStreaming = capability == ModelCapabilities.Streaming,
            NeedsVision = capability == ModelCapabilities.Vision,
            NeedsEmbeddings = capability == ModelCapabilities.Embeddings,
        };

        var decision = CreateHarness().Select(tenant, "route:r", needs);

        Assert.True(decision.Succeeded);
        Assert.Equal([capable], decision.Candidates);
        var excluded = Assert.Single(decision.Excluded);
        Assert.Equal("openai/lacking", excluded.Model);
        Assert.Equal([code], excluded.ReasonCodes);
    }

    [Fact]
    public void Select_NothingNeeded_KeepsEveryCandidate()
    {
        var plain = Model("openai/plain", ModelCapabilities.None);
        var rich = Model("openai/rich");
        var tenant = Tenant([plain, rich], [Route("r", RoutingStrategy.Priority, plain, rich)]);

        var decision = CreateHarness().Select(tenant, "route:r", Needs());

        Assert.Equal([plain, rich], decision.Candidates);
        Assert.Empty(decision.Excluded);
    }

    [Fact]
    public void Select_InputPlusMaxOutputOverContextWindow_ExcludedForContextWindow()
    {
        var small = Model("openai/small", contextWindow: 8_000);
        var large = Model("openai/large", contextWindow: 200_000);
        var tenant = Tenant([small, large], [Route("r", RoutingStrategy.Priority, small, large)]);

        var decision = CreateHarness().Select(tenant, "route:r", Needs(inputTokens: 7_000, maxOutput: 2_000));

        Assert.Equal([large], decision.Candidates);
        Assert.Equal("context_window", Assert.Single(decision.Excluded).Reason);
    }

    [Fact]
    public void Select_NoMaxOutput_ReservesDefaultOutputInContextWindow()
    {
        var small = Model("openai/small", contextWindow: 8_000);
        var tenant = Tenant([small], [Route("r", RoutingStrategy.Priority, small)]);
        var harness = CreateHarness();

        var fits = harness.Select(tenant, "route:r", Needs(inputTokens: 8_000 - RequestRequirements.DefaultOutputTokens));
        var overflows = harness.Select(tenant, "route:r", Needs(inputTokens: 8_000 - RequestRequirements.DefaultOutputTokens + 1));

        Assert.True(fits.Succeeded);
        Assert.False(overflows.Succeeded);
        Assert.Equal("context_window", Assert.Single(overflows.Excluded).Reason);
    }

    [Fact]
    public void Select_MaxTokensAboveModelLimit_ExcludedForMaxOutputTokens()
    {
        var limited = Model("openai/limited", maxOutputTokens: 4_096);
        var roomy = Model("openai/roomy", maxOutputTokens: 32_000);
        var tenant = Tenant([limited, roomy], [Route("r", RoutingStrategy.Priority, limited, roomy)]);

        var decision = CreateHarness().Select(tenant, "route:r", Needs(maxOutput: 8_000));

        Assert.Equal([roomy], decision.Candidates);
        Assert.Equal("max_output_tokens", Assert.Single(decision.Excluded).Reason);
    }

    [Fact]
    public void Select_RouteRequiresRegion_KeepsRegionAndSubRegionsOnly()
    {
        var euWest = Model("azure/eu-west", region: "eu-west-1");
        var eu = Model("mistral/eu", region: "eu");
        var us = Model("openai/us", region: "us");
        var unknown = Model("other/nowhere");
        var europe = Model("odd/europe", region: "europe");
        var route = Route("r", RoutingStrategy.Priority, euWest, eu, us, unknown, europe) with { RequiredRegion = "eu" };
        var tenant = Tenant([euWest, eu, us, unknown, europe], [route]);

        var decision = CreateHarness().Select(tenant, "route:r", Needs());

        Assert.Equal([euWest, eu], decision.Candidates);
        Assert.Equal(["openai/us", "other/nowhere", "odd/europe"], decision.Excluded.Select(e => e.Model));
        Assert.All(decision.Excluded, e => Assert.Equal("region", e.Reason));
    }

    [Fact]
    public void Select_ProviderRegionUsedWhenModelHasNone()
    {
        var inherited = Model("azure/gpt-4o", provider: Provider("azure", region: "eu-north"));
        var tenant = Tenant([inherited], [Route("r", RoutingStrategy.Priority, inherited)]);

        var decision = CreateHarness().Select(tenant, "route:r", Needs() with { Region = "eu" });

        Assert.Equal([inherited], decision.Candidates);
    }

    [Fact]
    public void Select_PrivateOnlyRoute_KeepsPrivateProvidersOnly()
    {
        var local = Model("ollama/llama", provider: Provider("ollama", isPrivate: true));
        var saas = Model("openai/gpt-4o");
        var route = Route("r", RoutingStrategy.Priority, saas, local) with { Sensitivity = Sensitivity.PrivateOnly };
        var tenant = Tenant([local, saas], [route]);

        var decision = CreateHarness().Select(tenant, "route:r", Needs());

        Assert.Equal([local], decision.Candidates);
        Assert.Equal("private_only", Assert.Single(decision.Excluded).Reason);
    }

    [Fact]
    public void Select_PrivateOnlyWithRegion_AdmitsInRegionPublicProvider()
    {
        var inRegion = Model("azure/gpt-4o", region: "eu-west");
        var outOfRegion = Model("openai/gpt-4o", region: "us");
        var tenant = Tenant([inRegion, outOfRegion], [Route("r", RoutingStrategy.Priority, outOfRegion, inRegion)]);

        var decision = CreateHarness().Select(tenant, "route:r", Needs() with { Sensitivity = Sensitivity.PrivateOnly, Region = "eu" });

        Assert.Equal([inRegion], decision.Candidates);
        Assert.Equal(ExclusionReason.Region | ExclusionReason.PrivateOnly, Assert.Single(decision.Excluded).Reasons);
    }

    [Fact]
    public void Select_CustomerFacingCall_ExcludesUnapprovedModels()
    {
        var approved = Model("openai/approved");
        var experimental = Model("openai/experimental", approved: false);
        var tenant = Tenant([approved, experimental], [Route("r", RoutingStrategy.Priority, experimental, approved)]);

        var decision = CreateHarness().Select(tenant, "route:r", Needs() with { CustomerFacing = true });

        Assert.Equal([approved], decision.Candidates);
        Assert.Equal("not_customer_approved", Assert.Single(decision.Excluded).Reason);
    }

    [Fact]
    public void Select_DisabledModelOrProvider_ExcludedAsDisabled()
    {
        var off = Model("openai/off", enabled: false);
        var providerOff = Model("gone/model", provider: Provider("gone", enabled: false));
        var on = Model("openai/on");
        var tenant = Tenant([off, providerOff, on], [Route("r", RoutingStrategy.Priority, off, providerOff, on)]);

        var decision = CreateHarness().Select(tenant, "route:r", Needs());

        Assert.Equal([on], decision.Candidates);
        Assert.Equal(["disabled", "disabled"], decision.Excluded.Select(e => e.Reason));
    }

    [Fact]
    public void Select_ObservedLatencyAboveCallLimit_ExcludedAsTooSlow()
    {
        var slow = Model("openai/slow");
        var fast = Model("openai/fast");
        var unmeasured = Model("openai/new");
        var tenant = Tenant([slow, fast, unmeasured], [Route("r", RoutingStrategy.Priority, slow, fast, unmeasured)]);
        var harness = CreateHarness();
        harness.Latency.RecordSuccess(slow.Id, TimeSpan.FromMilliseconds(4_000));
        harness.Latency.RecordSuccess(fast.Id, TimeSpan.FromMilliseconds(300));

        var decision = harness.Select(tenant, "route:r", Needs() with { MaxLatencyMs = 1_000 });

        Assert.Equal([fast, unmeasured], decision.Candidates);
        Assert.Equal("too_slow", Assert.Single(decision.Excluded).Reason);
    }

    [Fact]
    public void Select_KeyLimitedToSomeModels_ExcludesOthersAsNotAllowed()
    {
        var allowed = Model("openai/allowed");
        var other = Model("openai/other");
        var tenant = Tenant([allowed, other], [Route("r", RoutingStrategy.Priority, other, allowed)]);

        var decision = CreateHarness().Select(tenant, "route:r", Needs(), Key(models: ["openai/allowed"]));

        Assert.Equal([allowed], decision.Candidates);
        Assert.Equal("not_allowed_for_key", Assert.Single(decision.Excluded).Reason);
    }

    [Fact]
    public void Select_CandidateFailingSeveralChecks_ListsEveryReasonInOrder()
    {
        var weak = Model("openai/weak", ModelCapabilities.Streaming, contextWindow: 4_000, approved: false);
        var strong = Model("openai/strong");
        var tenant = Tenant([weak, strong], [Route("r", RoutingStrategy.Priority, weak, strong)]);
        var needs = Needs(inputTokens: 10_000) with { NeedsTools = true, NeedsVision = true, CustomerFacing = true };

        var decision = CreateHarness().Select(tenant, "route:r", needs);

        Assert.Equal(["not_customer_approved", "tools", "vision", "context_window"], Assert.Single(decision.Excluded).ReasonCodes);
    }

    [Fact]
    public void Select_RouteAndCallBothSetRegion_BothMustHold()
    {
        var euWest = Model("azure/west", region: "eu-west-1");
        var euCentral = Model("azure/central", region: "eu-central-1");
        var route = Route("r", RoutingStrategy.Priority, euCentral, euWest) with { RequiredRegion = "eu" };
        var tenant = Tenant([euWest, euCentral], [route]);

        var decision = CreateHarness().Select(tenant, "route:r", Needs() with { Region = "eu-west-1" });

        Assert.Equal([euWest], decision.Candidates);
        Assert.Equal("azure/central", Assert.Single(decision.Excluded).Model);
    }

    [Fact]
    public void Select_RouteCustomerFacingAndCallSilent_RouteWins()
    {
        var approved = Model("openai/approved");
        var experimental = Model("openai/experimental", approved: false);
        var route = Route("r", RoutingStrategy.Priority, experimental, approved) with { CustomerFacing = true };
        var tenant = Tenant([approved, experimental], [route]);

        var decision = CreateHarness().Select(tenant, "route:r", Needs() with { CustomerFacing = false });

        Assert.Equal([approved], decision.Candidates);
    }

    [Fact]
    public void Select_RoutePrivateOnlyAndCallAsksNone_StaysPrivateOnly()
    {
        var local = Model("ollama/llama", provider: Provider("ollama", isPrivate: true));
        var saas = Model("openai/gpt-4o");
        var route = Route("r", RoutingStrategy.Priority, saas, local) with { Sensitivity = Sensitivity.PrivateOnly };
        var tenant = Tenant([local, saas], [route]);

        var decision = CreateHarness().Select(tenant, "route:r", Needs() with { Sensitivity = Sensitivity.None });

        Assert.Equal([local], decision.Candidates);
    }

    [Fact]
    public void Select_CallAsksPrivateOnOrdinaryRoute_CallWins()
    {
        var local = Model("ollama/llama", provider: Provider("ollama", isPrivate: true));
        var saas = Model("openai/gpt-4o");
        var tenant = Tenant([local, saas], [Route("r", RoutingStrategy.Priority, saas, local)]);

        var decision = CreateHarness().Select(tenant, "route:r", Needs() with { Sensitivity = Sensitivity.PrivateOnly });

        Assert.Equal([local], decision.Candidates);
        Assert.Equal("private_only", Assert.Single(decision.Excluded).Reason);
    }

    [Fact]
    public void Select_RouteAndCallRegionsDisagree_NoCandidateWith400()
    {
        var eu = Model("azure/eu", region: "eu");
        var us = Model("openai/us", region: "us");
        var route = Route("r", RoutingStrategy.Priority, eu, us) with { RequiredRegion = "eu" };
        var tenant = Tenant([eu, us], [route]);

        var decision = CreateHarness().Select(tenant, "route:r", Needs() with { Region = "us" });

        Assert.Equal(400, decision.Error?.StatusCode);
        Assert.Equal(2, decision.Excluded.Count);
    }
}

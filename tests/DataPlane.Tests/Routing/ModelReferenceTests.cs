using Platform.DataPlane.Configuration;
using Platform.DataPlane.Routing;
using Platform.Shared.Domain;
using static Platform.DataPlane.Tests.Routing.TestPolicies;

namespace Platform.DataPlane.Tests.Routing;

public sealed class ModelReferenceTests
{
    [Fact]
    public void Resolve_RoutePrefix_ReturnsRoute()
    {
        var model = Model("openai/gpt-4o");
        var tenant = Tenant([model], [Route("support", RoutingStrategy.Priority, model)]);

        var reference = ModelReference.Resolve("route:support", tenant);

        Assert.Equal(ModelReferenceKind.Route, reference.Kind);
        Assert.Equal("support", reference.Name);
        Assert.Same(tenant.Routes["support"], reference.Route);
    }

    [Fact]
    public void Resolve_UnknownRoutePrefix_ReturnsUnknownNamingTheRoute()
    {
        var tenant = Tenant([Model("openai/gpt-4o")]);

        var reference = ModelReference.Resolve("route:nope", tenant);

        Assert.Equal(ModelReferenceKind.Unknown, reference.Kind);
        Assert.Equal("route 'nope' does not exist", reference.Problem);
    }

    [Fact]
    public void Resolve_TierPrefixInAnyCase_ReturnsTier()
    {
        var model = Model("openai/gpt-4o");
        var tenant = Tenant([model], tiers: [new TierPolicy("fast", Weighted(model))]);

        var reference = ModelReference.Resolve("TIER:fast", tenant);

        Assert.Equal(ModelReferenceKind.Tier, reference.Kind);
        Assert.Same(tenant.Tiers["fast"], reference.Tier);
    }

    [Fact]
    public void Resolve_UnknownTier_ReturnsUnknown()
    {
        var tenant = Tenant([Model("openai/gpt-4o")]);

        var reference = ModelReference.Resolve("tier:slow", tenant);

        Assert.Equal(ModelReferenceKind.Unknown, reference.Kind);
        Assert.Contains("tier 'slow'", reference.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_ProviderSlashModel_ReturnsCatalogModel()
    {
        var model = Model("anthropic/claude-sonnet");
        var tenant = Tenant([Model("openai/gpt-4o"), model]);

        var reference = ModelReference.Resolve("anthropic/claude-sonnet", tenant);

        Assert.Equal(ModelReferenceKind.Model, reference.Kind);
        Assert.Same(model, reference.Model);
    }

    [Fact]
    public void Resolve_ProviderSlashModelNotInCatalog_ReturnsUnknown()
    {
        var tenant = Tenant([Model("openai/gpt-4o")]);

        var reference = ModelReference.Resolve("openai/gpt-5", tenant);

        Assert.Equal(ModelReferenceKind.Unknown, reference.Kind);
        Assert.Equal("model 'openai/gpt-5' does not exist", reference.Problem);
    }

    [Fact]
    public void Resolve_BareNameOfRouteAndModel_PrefersRoute()
    {
        var model = Model("openai/summarize");
        var tenant = Tenant([model], [Route("summarize", RoutingStrategy.Priority, model)]);

        var reference = ModelReference.Resolve("summarize", tenant);

        Assert.Equal(ModelReferenceKind.Route, reference.Kind);
    }

    [Fact]
    public void Resolve_BareUpstreamIdOfOneModel_ReturnsThatModel()
    {
        var model = Model("anthropic/claude-haiku");
        var tenant = Tenant([Model("openai/gpt-4o"), model]);

        var reference = ModelReference.Resolve("claude-haiku", tenant);

        Assert.Equal(ModelReferenceKind.Model, reference.Kind);
        Assert.Same(model, reference.Model);
    }

    [Fact]
    public void Resolve_BareNameMatchingTwoModels_ReturnsUnknownListingBoth()
    {
        var tenant = Tenant([Model("openai/gpt-4o"), Model("azure/gpt-4o")]);

        var reference = ModelReference.Resolve("gpt-4o", tenant);

        Assert.Equal(ModelReferenceKind.Unknown, reference.Kind);
        Assert.Equal("model 'gpt-4o' is ambiguous (azure/gpt-4o, openai/gpt-4o); name one as provider/model", reference.Problem);
    }

    [Fact]
    public void Resolve_BareUnknownName_ReturnsUnknown()
    {
        var tenant = Tenant([Model("openai/gpt-4o")]);

        var reference = ModelReference.Resolve("llama", tenant);

        Assert.Equal(ModelReferenceKind.Unknown, reference.Kind);
        Assert.Equal("llama", reference.Name);
    }
}

using System.Text;
using Platform.DataPlane.Caching;
using Platform.DataPlane.Configuration;
using Platform.DataPlane.Protocols.Anthropic;
using Platform.DataPlane.Protocols.OpenAi;
using Platform.DataPlane.Tests.Routing;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Tests.Caching;

public sealed class CacheKeyTests
{
    private static readonly Guid Tenant = Guid.NewGuid();
    private static readonly RoutePolicy Route = TestPolicies.Route("main", RoutingStrategy.Priority, TestPolicies.Model("oa/gpt"));

    [Fact]
    public void For_WhitespaceAndKeyOrderDiffer_SameKey()
    {
        var compact = OpenAi("""{"model":"route:main","temperature":0.2,"messages":[{"role":"user","content":"Hi"}]}""");
        var spread = OpenAi("""
            {
              "messages": [ { "content": "Hi", "role": "user" } ],
              "temperature": 0.20,
              "model": "main"
            }
            """);

        Assert.Equal(CacheKey.For(Tenant, Route, compact), CacheKey.For(Tenant, Route, spread));
    }

    [Fact]
    public void For_StreamMetadataAndUserDiffer_SameKey()
    {
        var plain = OpenAi("""{"model":"route:main","messages":[{"role":"user","content":"Hi"}]}""");
        var decorated = OpenAi("""{"model":"route:main","messages":[{"role":"user","content":"Hi"}],"stream":true,"stream_options":{"include_usage":true},"user":"u-1","metadata":{"feature":"x"}}""");

        Assert.Equal(CacheKey.For(Tenant, Route, plain), CacheKey.For(Tenant, Route, decorated));
    }

    [Fact]
    public void For_ToolSchemaKeyOrderDiffers_SameKey()
    {
        var first = OpenAi("""{"model":"m","messages":[{"role":"user","content":"Hi"}],"tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object","properties":{"a":{"type":"string"}}}}}]}""");
        var second = OpenAi("""{"model":"m","messages":[{"role":"user","content":"Hi"}],"tools":[{"type":"function","function":{"name":"f","parameters":{ "properties" : {"a":{"type":"string"}}, "type":"object"}}}]}""");

        Assert.Equal(CacheKey.For(Tenant, Route, first), CacheKey.For(Tenant, Route, second));
    }

    [Fact]
    public void For_OpenAiAndAnthropicSameConversation_SameKey()
    {
        var openAi = OpenAi("""{"model":"route:main","max_tokens":256,"messages":[{"role":"user","content":"Hi"}]}""");
        var anthropic = AnthropicMessagesRequestReader.Read(Encoding.UTF8.GetBytes("""{"model":"route:main","max_tokens":256,"messages":[{"role":"user","content":"Hi"}]}"""));

        Assert.Equal(CacheKey.For(Tenant, Route, openAi), CacheKey.For(Tenant, Route, anthropic));
    }

    [Theory]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"Hello"}]}""")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"Hi"}],"temperature":0.3}""")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"Hi"}],"top_p":0.5}""")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"Hi"}],"max_tokens":10}""")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"Hi"}],"stop":["x"]}""")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"Hi"}],"response_format":{"type":"json_object"}}""")]
    [InlineData("""{"model":"m","messages":[{"role":"system","content":"Hi"}]}""")]
    [InlineData("""{"model":"m","messages":[{"role":"system","content":"Be brief"},{"role":"user","content":"Hi"}]}""")]
    public void For_AnythingThatChangesTheAnswer_DifferentKey(string changed)
    {
        var baseline = OpenAi("""{"model":"m","messages":[{"role":"user","content":"Hi"}]}""");

        Assert.NotEqual(CacheKey.For(Tenant, Route, baseline), CacheKey.For(Tenant, Route, OpenAi(changed)));
    }

    [Fact]
    public void For_OtherTenantRouteOrCandidates_DifferentKey()
    {
        var request = OpenAi("""{"model":"m","messages":[{"role":"user","content":"Hi"}]}""");
        var key = CacheKey.For(Tenant, Route, request);

        Assert.NotEqual(key, CacheKey.For(Guid.NewGuid(), Route, request));
        Assert.NotEqual(key, CacheKey.For(Tenant, Route with { Name = "other" }, request));
        Assert.NotEqual(key, CacheKey.For(Tenant, TestPolicies.Route("main", RoutingStrategy.Priority, TestPolicies.Model("an/claude")), request));
    }

    private static Chat.ChatRequest OpenAi(string json) => OpenAiChatRequestReader.Read(Encoding.UTF8.GetBytes(json));
}

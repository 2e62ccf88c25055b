using Platform.DataPlane.Chat;
using Platform.DataPlane.Endpoints;
using Platform.DataPlane.Tests.Routing;

namespace Platform.DataPlane.Tests.Endpoints;

public sealed class ForUpstreamTests
{
    private static readonly ChatRequest Request = new()
    {
        Model = "route:support",
        Messages = [new ChatMessage { Role = ChatRole.User }],
        MaxTokens = 4_000,
    };

    [Fact]
    public void ForUpstream_LimitAboveTheModels_ClampedInACopyTheCallersModelKept()
    {
        var upstream = ChatHandler.ForUpstream(Request, TestPolicies.Model("oa/small", maxOutputTokens: 1_000));

        Assert.Equal(1_000, upstream.MaxTokens);
        Assert.Equal("route:support", upstream.Model);
        Assert.Equal(4_000, Request.MaxTokens);
    }

    [Theory]
    [InlineData(4_000)]
    [InlineData(16_000)]
    [InlineData(0)]
    public void ForUpstream_LimitWithinTheModelsOrModelWithout_TheSameRequest(int maxOutputTokens)
    {
        var upstream = ChatHandler.ForUpstream(Request, TestPolicies.Model("oa/big", maxOutputTokens: maxOutputTokens));

        Assert.Same(Request, upstream);
    }

    [Fact]
    public void ForUpstream_NoLimitAsked_TheSameRequest()
    {
        var unlimited = Request with { MaxTokens = null };

        Assert.Same(unlimited, ChatHandler.ForUpstream(unlimited, TestPolicies.Model("oa/small", maxOutputTokens: 1_000)));
    }
}

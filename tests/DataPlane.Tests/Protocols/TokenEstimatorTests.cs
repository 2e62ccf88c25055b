using Platform.DataPlane.Chat;
using Platform.DataPlane.Protocols;

namespace Platform.DataPlane.Tests.Protocols;

public sealed class TokenEstimatorTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("abcd", 1)]
    [InlineData("abcde", 2)]
    public void Estimate_Text_IsCharsOverFourRoundedUp(string text, int expected) =>
        Assert.Equal(expected, TokenEstimator.Estimate(text));

    [Fact]
    public void Estimate_Request_AddsPerMessageOverheadAndTools()
    {
        var request = new ChatRequest
        {
            Model = "m",
            Messages =
            [
                new ChatMessage { Role = ChatRole.System, Content = [ContentPart.FromText(new string('s', 40))] },
                new ChatMessage { Role = ChatRole.User, Content = [ContentPart.FromText(new string('u', 40))] },
            ],
        };
        var withTool = request with { Tools = [new ToolDefinition("f", null, new string('p', 79))] };

        Assert.Equal(3 + (2 * 4) + 20, TokenEstimator.Estimate(request));
        Assert.Equal(3 + (2 * 4) + 20 + 20, TokenEstimator.Estimate(withTool));
    }
}

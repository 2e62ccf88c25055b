using Platform.DataPlane.Caching;
using Platform.DataPlane.Chat;

namespace Platform.DataPlane.Tests.Caching;

public sealed class StreamAssemblerTests
{
    [Fact]
    public void Build_TextAndToolCalls_WholeAnswerInOrder()
    {
        var assembler = new StreamAssembler();
        StreamEvent[] events =
        [
            new StreamStart("id-1", "gpt"),
            new TextDelta("Hel"),
            new TextDelta("lo"),
            new ToolCallStart(0, "call_a", "lookup"),
            new ToolArgumentsDelta(0, "{\"q\":"),
            new ToolCallStart(1, "call_b", "other"),
            new ToolArgumentsDelta(0, "\"x\"}"),
            new ToolArgumentsDelta(1, "{}"),
            new StreamFinish(FinishReason.ToolCalls),
        ];
        foreach (var streamEvent in events)
        {
            assembler.Add(streamEvent);
        }

        var answer = assembler.Build(new Usage(3, 4, 0));

        Assert.NotNull(answer);
        Assert.Equal(("id-1", "gpt", "Hello", FinishReason.ToolCalls), (answer.Id, answer.Model, answer.Text, answer.FinishReason));
        Assert.Equal([new ToolCall("call_a", "lookup", "{\"q\":\"x\"}"), new ToolCall("call_b", "other", "{}")], answer.ToolCalls);
        Assert.Equal(new Usage(3, 4, 0), answer.Usage);
    }

    [Fact]
    public void Build_NoFinish_Null()
    {
        var assembler = new StreamAssembler();
        assembler.Add(new StreamStart("id-1", "gpt"));
        assembler.Add(new TextDelta("partial"));

        Assert.Null(assembler.Build(default));
    }

    [Fact]
    public void AsStreamEvents_RoundTripsThroughTheAssembler()
    {
        var original = new ChatResponse
        {
            Id = "id-2",
            Model = "claude",
            Text = "Answer",
            ToolCalls = [new ToolCall("t1", "f", "{\"a\":1}")],
            FinishReason = FinishReason.Stop,
            Usage = new Usage(1, 2, 0),
        };
        var assembler = new StreamAssembler();
        foreach (var streamEvent in new CachedAnswer(original, Routing.TestPolicies.Model("an/claude")).AsStreamEvents())
        {
            assembler.Add(streamEvent);
        }

        var rebuilt = assembler.Build(original.Usage);

        Assert.NotNull(rebuilt);
        Assert.Equal((original.Id, original.Model, original.Text, original.FinishReason), (rebuilt.Id, rebuilt.Model, rebuilt.Text, rebuilt.FinishReason));
        Assert.Equal(original.ToolCalls, rebuilt.ToolCalls);
    }
}

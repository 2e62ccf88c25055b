using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using Platform.DataPlane.Chat;
using Platform.DataPlane.Protocols.Anthropic;
using Platform.DataPlane.Protocols.OpenAi;
using Platform.DataPlane.Providers.OpenAi;

namespace Platform.Benchmarks;

/// <summary>
/// Non-streamed answers: the upstream's JSON parsed into a <c>ChatResponse</c>
/// (<see cref="OpenAiUpstreamResponseParser"/>) and written back in the caller's dialect
/// (<see cref="OpenAiChatResponseWriter"/>, <see cref="AnthropicMessagesResponseWriter"/>) into a reused buffer.
/// </summary>
[MemoryDiagnoser]
public class ResponseBenchmarks
{
    private static readonly byte[] UpstreamBody = Encoding.UTF8.GetBytes(
        """{"id":"chatcmpl-0000000276a44b641c4677a6","object":"chat.completion","created":1795489156,"model":"gpt-4o-mini","choices":[{"index":0,"message":{"role":"assistant","content":"Weekly active users fell 6% last week. The EU explains most of it: it dropped from 41,200 to 37,900 while the US stayed flat at 52,100. Two things to check: the onboarding funnel, where the EU completion rate fell after Tuesday's release, and the new consent banner, which shipped to EU users only. Both line up with the day the drop started.","refusal":null},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":412,"completion_tokens":87,"total_tokens":499,"prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0}},"system_fingerprint":"fp_simulator"}""");

    private readonly ArrayBufferWriter<byte> _output = new(4096);
    private ChatResponse _text = null!;
    private ChatResponse _toolCall = null!;

    [GlobalSetup]
    public void Setup()
    {
        _text = OpenAiUpstreamResponseParser.Parse(UpstreamBody, "gpt-4o-mini");
        _toolCall = _text with
        {
            Text = "",
            ToolCalls = [new ToolCall("call_abc123", "lookup_metric", """{"metric":"weekly_active_users","region":"eu","weeks":4}""")],
            FinishReason = FinishReason.ToolCalls,
        };
    }

    [Benchmark]
    public object ParseUpstream_OpenAi() => OpenAiUpstreamResponseParser.Parse(UpstreamBody, "gpt-4o-mini");

    [Benchmark(Baseline = true)]
    public int WriteOpenAi_Text()
    {
        _output.ResetWrittenCount();
        OpenAiChatResponseWriter.Write(_output, _text, 1_700_000_000);
        return _output.WrittenCount;
    }

    [Benchmark]
    public int WriteOpenAi_ToolCall()
    {
        _output.ResetWrittenCount();
        OpenAiChatResponseWriter.Write(_output, _toolCall, 1_700_000_000);
        return _output.WrittenCount;
    }

    [Benchmark]
    public int WriteAnthropic_Text()
    {
        _output.ResetWrittenCount();
        AnthropicMessagesResponseWriter.Write(_output, _text);
        return _output.WrittenCount;
    }
}

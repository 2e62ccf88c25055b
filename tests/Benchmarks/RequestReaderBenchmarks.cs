using BenchmarkDotNet.Attributes;
using Platform.Benchmarks.Inputs;
using Platform.DataPlane.Protocols.Anthropic;
using Platform.DataPlane.Protocols.OpenAi;

namespace Platform.Benchmarks;

/// <summary>
/// Request path step 3: the caller's body (about 1.5 KB: system + user message and one tool) parsed into the
/// wire-neutral <c>ChatRequest</c> in one <c>Utf8JsonReader</c> pass, in each inbound dialect.
/// </summary>
[MemoryDiagnoser]
public class RequestReaderBenchmarks
{
    [Benchmark(Baseline = true)]
    public object OpenAiChat_1_5KB() => OpenAiChatRequestReader.Read(ChatBodies.OpenAi);

    [Benchmark]
    public object AnthropicMessages_1_5KB() => AnthropicMessagesRequestReader.Read(ChatBodies.Anthropic);

    /// <summary>The load test's tiny body (bench/chat.lua).</summary>
    [Benchmark]
    public object OpenAiChat_Small() => OpenAiChatRequestReader.Read(ChatBodies.OpenAiSmall);
}

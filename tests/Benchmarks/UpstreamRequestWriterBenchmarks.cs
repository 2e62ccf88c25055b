using BenchmarkDotNet.Attributes;
using Platform.Benchmarks.Inputs;
using Platform.DataPlane.Chat;
using Platform.DataPlane.Protocols.Json;
using Platform.DataPlane.Protocols.OpenAi;
using Platform.DataPlane.Providers.Anthropic;
using Platform.DataPlane.Providers.OpenAi;

namespace Platform.Benchmarks;

/// <summary>
/// Request path step 7, before the send: the parsed 1.5 KB request written as the provider's body
/// (<see cref="OpenAiUpstreamRequestWriter"/>, <see cref="AnthropicUpstreamRequestWriter"/>) into a pooled
/// buffer, as the adapters do.
/// </summary>
[MemoryDiagnoser]
public class UpstreamRequestWriterBenchmarks
{
    private ChatRequest _request = null!;

    [GlobalSetup]
    public void Setup() => _request = OpenAiChatRequestReader.Read(ChatBodies.OpenAi) with { Model = "model-0" };

    [Benchmark(Baseline = true)]
    public int OpenAi()
    {
        using var body = new PooledBufferWriter();
        OpenAiUpstreamRequestWriter.Write(body, "model-0", _request, stream: false);
        return body.WrittenCount;
    }

    [Benchmark]
    public int Anthropic()
    {
        using var body = new PooledBufferWriter();
        AnthropicUpstreamRequestWriter.Write(body, "model-0", _request, stream: false);
        return body.WrittenCount;
    }
}

using System.Buffers;
using BenchmarkDotNet.Attributes;
using Platform.DataPlane.Protocols.Json;
using Platform.DataPlane.Providers.Http;

namespace Platform.Benchmarks;

/// <summary>
/// The upstream <see cref="HttpRequestMessage"/> of one non-streamed OpenAI-compatible call (URL, JSON content,
/// Accept), as the adapters build it before <c>HttpClient.SendAsync</c>.
/// </summary>
[MemoryDiagnoser]
public class UpstreamMessageBenchmarks
{
    private readonly Uri _baseUrl = new("http://127.0.0.1:5400");
    private readonly PooledBufferWriter _body = new();

    [GlobalSetup]
    public void Setup() => _body.Write("{\"model\":\"gpt-4o-mini\"}"u8);

    [GlobalCleanup]
    public void Cleanup() => _body.Dispose();

    [Benchmark]
    public int Message()
    {
        using var message = UpstreamCalls.Post(UpstreamUrls.Combine(_baseUrl, "v1", "/chat/completions"), _body, stream: false);
        return message.RequestUri!.OriginalString.Length;
    }
}

using System.Net;
using BenchmarkDotNet.Attributes;
using Platform.Benchmarks.Inputs;
using Platform.Benchmarks.Sinks;
using Platform.DataPlane.Chat;
using Platform.DataPlane.Protocols.Anthropic;
using Platform.DataPlane.Protocols.OpenAi;
using Platform.DataPlane.Protocols.Sse;
using Platform.DataPlane.Providers.Anthropic;
using Platform.DataPlane.Providers.Http;
using Platform.DataPlane.Providers.OpenAi;

namespace Platform.Benchmarks;

/// <summary>
/// Streaming, per whole answer (<see cref="SseStreams.TextDeltas"/> text deltas and one tool call): an upstream
/// SSE body read from memory through the production composition (<see cref="UpstreamStream"/> =
/// <see cref="SseReader"/> + the provider's stream parser) and written as client events to a
/// <see cref="NullPipeWriter"/> (one flush per event, as to Kestrel). The SseReader-only and writer-only rows
/// split the cost. Divide by <see cref="SseStreams.EventCount"/> for the cost per event.
/// </summary>
[MemoryDiagnoser]
public class StreamTranslationBenchmarks
{
    private const long Created = 1_700_000_000;
    private readonly NullPipeWriter _sink = new();
    private StreamEvent[] _events = [];

    [GlobalSetup]
    public async Task Setup()
    {
        var events = new List<StreamEvent>();
        await foreach (var streamEvent in UpstreamStream.ReadAsync(Response(SseStreams.Anthropic), new AnthropicUpstreamStreamParser("claude", null), "anthropic", default))
        {
            events.Add(streamEvent);
        }

        _events = [.. events];
        if (_events.Length != SseStreams.EventCount || await OpenAiToOpenAi() == 0)
        {
            throw new InvalidOperationException($"Expected {SseStreams.EventCount} events, parsed {_events.Length}.");
        }
    }

    [Benchmark(Baseline = true)]
    public async Task<long> AnthropicToOpenAi()
    {
        _sink.Reset();
        using var writer = new OpenAiStreamWriter(_sink, includeUsage: true, Created);
        var parser = new AnthropicUpstreamStreamParser("claude-3-5-haiku-latest", null);
        await foreach (var streamEvent in UpstreamStream.ReadAsync(Response(SseStreams.Anthropic), parser, "anthropic", default))
        {
            await writer.WriteAsync(streamEvent, default);
        }

        await writer.CompleteAsync(default);
        return _sink.BytesWritten;
    }

    [Benchmark]
    public async Task<long> OpenAiToOpenAi()
    {
        _sink.Reset();
        using var writer = new OpenAiStreamWriter(_sink, includeUsage: true, Created);
        var parser = new OpenAiUpstreamStreamParser("gpt-4o-mini", null);
        await foreach (var streamEvent in UpstreamStream.ReadAsync(Response(SseStreams.OpenAi), parser, "openai-compatible", default))
        {
            await writer.WriteAsync(streamEvent, default);
        }

        await writer.CompleteAsync(default);
        return _sink.BytesWritten;
    }

    [Benchmark]
    public async Task<long> OpenAiToAnthropic()
    {
        _sink.Reset();
        using var writer = new AnthropicStreamWriter(_sink);
        var parser = new OpenAiUpstreamStreamParser("gpt-4o-mini", null);
        await foreach (var streamEvent in UpstreamStream.ReadAsync(Response(SseStreams.OpenAi), parser, "openai-compatible", default))
        {
            await writer.WriteAsync(streamEvent, default);
        }

        await writer.CompleteAsync(default);
        return _sink.BytesWritten;
    }

    /// <summary>Framing only: the Anthropic body split into events, nothing parsed.</summary>
    [Benchmark]
    public async Task<int> SseReaderOnly_Anthropic()
    {
        using var input = new MemoryStream(SseStreams.Anthropic, writable: false);
        await using var reader = new SseReader(input);
        var count = 0;
        while (await reader.ReadAsync(default) is not null)
        {
            count++;
        }

        return count;
    }

    /// <summary>Writing only: the already-parsed events as OpenAI chunks.</summary>
    [Benchmark]
    public async Task<long> OpenAiStreamWriterOnly()
    {
        _sink.Reset();
        using var writer = new OpenAiStreamWriter(_sink, includeUsage: true, Created);
        foreach (var streamEvent in _events)
        {
            await writer.WriteAsync(streamEvent, default);
        }

        await writer.CompleteAsync(default);
        return _sink.BytesWritten;
    }

    private static HttpResponseMessage Response(byte[] body) => new(HttpStatusCode.OK) { Content = new ByteArrayContent(body) };
}

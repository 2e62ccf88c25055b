using System.Runtime.CompilerServices;
using Platform.DataPlane.Chat;
using Platform.DataPlane.Embeddings;
using Platform.DataPlane.Protocols.Json;
using Platform.DataPlane.Providers.Http;

namespace Platform.DataPlane.Providers.OpenAi;

/// <summary>
/// OpenAI and every server that speaks its wire format (the simulator, vLLM, Groq, Ollama, ...):
/// <c>POST {base}/v1/chat/completions</c> and <c>/v1/embeddings</c> with <c>Authorization: Bearer</c>. Base URLs
/// with or without a trailing <c>/v1</c> both work (<see cref="UpstreamUrls"/>). A 400 with code
/// <c>content_filter</c> (Azure) is an <see cref="Forwarding.ErrorClass.ContentFilter"/> error; a 200 whose
/// finish_reason is content_filter is a normal answer with <see cref="FinishReason.ContentFilter"/>.
/// </summary>
internal sealed class OpenAiCompatibleAdapter(UpstreamHttpClient http) : IProviderAdapter
{
    private const string Provider = "openai-compatible";

    public async Task<ChatResponse> CompleteAsync(UpstreamTarget target, ChatRequest request, CancellationToken cancellationToken)
    {
        using var body = new PooledBufferWriter();
        OpenAiUpstreamRequestWriter.Write(body, target.UpstreamModel, request, stream: false);
        using var message = CreateRequest(target, "/chat/completions", body, stream: false);
        return await UpstreamCalls.ReadJsonAsync(
            http, message, Provider, target.Credential, target.UpstreamModel, static (json, model) => OpenAiUpstreamResponseParser.Parse(json, model), cancellationToken);
    }

    public async IAsyncEnumerable<StreamEvent> StreamAsync(
        UpstreamTarget target, ChatRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var body = new PooledBufferWriter();
        OpenAiUpstreamRequestWriter.Write(body, target.UpstreamModel, request, stream: true);
        using var message = CreateRequest(target, "/chat/completions", body, stream: true);
        var response = await http.SendAsync(message, Provider, target.Credential, cancellationToken);
        var parser = new OpenAiUpstreamStreamParser(target.UpstreamModel, target.Credential);
        await foreach (var streamEvent in UpstreamStream.ReadAsync(response, parser, Provider, cancellationToken))
        {
            yield return streamEvent;
        }
    }

    public async Task<EmbeddingResponse> EmbedAsync(UpstreamTarget target, EmbeddingRequest request, CancellationToken cancellationToken)
    {
        using var body = new PooledBufferWriter();
        OpenAiEmbeddingsCodec.WriteRequest(body, target.UpstreamModel, request);
        using var message = CreateRequest(target, "/embeddings", body, stream: false);
        return await UpstreamCalls.ReadJsonAsync(
            http,
            message,
            Provider,
            target.Credential,
            (target.UpstreamModel, request.Inputs.Count),
            static (json, state) => OpenAiEmbeddingsCodec.ParseResponse(json, state.UpstreamModel, state.Count),
            cancellationToken);
    }

    private static HttpRequestMessage CreateRequest(UpstreamTarget target, string path, PooledBufferWriter body, bool stream)
    {
        var message = UpstreamCalls.Post(UpstreamUrls.Combine(target.BaseUrl, "v1", path), body, stream);
        if (!string.IsNullOrEmpty(target.Credential))
        {
            message.Headers.TryAddWithoutValidation("Authorization", "Bearer " + target.Credential);
        }

        return message;
    }
}

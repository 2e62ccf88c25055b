using System.Runtime.CompilerServices;
using Platform.DataPlane.Chat;
using Platform.DataPlane.Embeddings;
using Platform.DataPlane.Protocols.Json;
using Platform.DataPlane.Providers.Http;

namespace Platform.DataPlane.Providers.Gemini;

/// <summary>
/// Gemini (Generative Language API): <c>POST {base}/v1beta/models/{model}:generateContent</c> and
/// <c>:streamGenerateContent?alt=sse</c>, embeddings through <c>:batchEmbedContents</c>, the key in
/// <c>x-goog-api-key</c> (never in the URL, so it stays out of logs). A blocked prompt or a safety stop in a 200
/// is a normal answer with <see cref="FinishReason.ContentFilter"/>.
/// </summary>
internal sealed class GeminiAdapter(UpstreamHttpClient http) : IProviderAdapter
{
    private const string Provider = "gemini";

    public async Task<ChatResponse> CompleteAsync(UpstreamTarget target, ChatRequest request, CancellationToken cancellationToken)
    {
        using var body = new PooledBufferWriter();
        GeminiUpstreamRequestWriter.Write(body, request);
        using var message = CreateRequest(target, ":generateContent", body, stream: false);
        return await UpstreamCalls.ReadJsonAsync(
            http, message, Provider, target.Credential, target.UpstreamModel, static (json, model) => ToResponse(GeminiChunk.Parse(json), model), cancellationToken);
    }

    public async IAsyncEnumerable<StreamEvent> StreamAsync(
        UpstreamTarget target, ChatRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var body = new PooledBufferWriter();
        GeminiUpstreamRequestWriter.Write(body, request);
        using var message = CreateRequest(target, ":streamGenerateContent?alt=sse", body, stream: true);
        var response = await http.SendAsync(message, Provider, target.Credential, cancellationToken);
        var parser = new GeminiUpstreamStreamParser(target.UpstreamModel, target.Credential);
        await foreach (var streamEvent in UpstreamStream.ReadAsync(response, parser, Provider, cancellationToken))
        {
            yield return streamEvent;
        }
    }

    public async Task<EmbeddingResponse> EmbedAsync(UpstreamTarget target, EmbeddingRequest request, CancellationToken cancellationToken)
    {
        using var body = new PooledBufferWriter();
        GeminiEmbeddingsCodec.WriteRequest(body, ModelId(target), request);
        using var message = CreateRequest(target, ":batchEmbedContents", body, stream: false);
        return await UpstreamCalls.ReadJsonAsync(
            http,
            message,
            Provider,
            target.Credential,
            (target.UpstreamModel, request.Inputs),
            static (json, state) => GeminiEmbeddingsCodec.ParseResponse(json, state.UpstreamModel, state.Inputs),
            cancellationToken);
    }

    private static ChatResponse ToResponse(GeminiChunk chunk, string requestedModel)
    {
        if (chunk.Error is not null || (!chunk.HasCandidate && chunk.BlockReason is null))
        {
            throw new System.Text.Json.JsonException("The response has neither candidates nor a prompt block.");
        }

        var calls = new List<ToolCall>(chunk.Calls.Count);
        foreach (var (name, args, id) in chunk.Calls)
        {
            calls.Add(new ToolCall(id ?? GeminiIds.NewToolCallId(), name, args));
        }

        return new ChatResponse
        {
            Id = chunk.ResponseId ?? GeminiIds.NewResponseId(),
            Model = chunk.ModelVersion ?? requestedModel,
            Text = chunk.Texts.Count == 1 ? chunk.Texts[0] : string.Concat(chunk.Texts),
            ToolCalls = calls,
            FinishReason = GeminiChunk.FinishReasonOf(chunk.FinishReason, chunk.BlockReason, calls.Count > 0) ?? FinishReason.Stop,
            Usage = chunk.Usage ?? default,
        };
    }

    /// <summary>Model ids may be configured as <c>models/gemini-2.0-flash</c> or bare.</summary>
    private static string ModelId(UpstreamTarget target) =>
        target.UpstreamModel.StartsWith("models/", StringComparison.Ordinal) ? target.UpstreamModel[7..] : target.UpstreamModel;

    private static HttpRequestMessage CreateRequest(UpstreamTarget target, string method, PooledBufferWriter body, bool stream)
    {
        var path = string.Concat("/models/", Uri.EscapeDataString(ModelId(target)), method);
        var query = path.IndexOf('?', StringComparison.Ordinal);
        var url = UpstreamUrls.Combine(target.BaseUrl, "v1beta", query < 0 ? path : path[..query]);
        if (query >= 0)
        {
            url = new UriBuilder(url) { Query = path[(query + 1)..] }.Uri;
        }

        var message = UpstreamCalls.Post(url, body, stream);
        if (!string.IsNullOrEmpty(target.Credential))
        {
            message.Headers.TryAddWithoutValidation("x-goog-api-key", target.Credential);
        }

        return message;
    }
}

using System.Runtime.CompilerServices;
using Platform.DataPlane.Chat;
using Platform.DataPlane.Embeddings;
using Platform.DataPlane.Forwarding;
using Platform.DataPlane.Protocols.Json;
using Platform.DataPlane.Providers.Http;

namespace Platform.DataPlane.Providers.Anthropic;

/// <summary>
/// Anthropic Messages: <c>POST {base}/v1/messages</c> with <c>x-api-key</c> and <c>anthropic-version: 2023-06-01</c>.
/// 529 is <see cref="ErrorClass.Overloaded"/>; a 200 with <c>stop_reason: refusal</c> is a normal answer with
/// <see cref="FinishReason.ContentFilter"/>. Anthropic has no embeddings API.
/// </summary>
internal sealed class AnthropicAdapter(UpstreamHttpClient http) : IProviderAdapter
{
    public const string ApiVersion = "2023-06-01";
    private const string Provider = "anthropic";

    public async Task<ChatResponse> CompleteAsync(UpstreamTarget target, ChatRequest request, CancellationToken cancellationToken)
    {
        using var body = new PooledBufferWriter();
        AnthropicUpstreamRequestWriter.Write(body, target.UpstreamModel, request, stream: false);
        using var message = CreateRequest(target, body, stream: false);
        return await UpstreamCalls.ReadJsonAsync(
            http, message, Provider, target.Credential, target.UpstreamModel, static (json, model) => AnthropicUpstreamResponseParser.Parse(json, model), cancellationToken);
    }

    public async IAsyncEnumerable<StreamEvent> StreamAsync(
        UpstreamTarget target, ChatRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var body = new PooledBufferWriter();
        AnthropicUpstreamRequestWriter.Write(body, target.UpstreamModel, request, stream: true);
        using var message = CreateRequest(target, body, stream: true);
        var response = await http.SendAsync(message, Provider, target.Credential, cancellationToken);
        var parser = new AnthropicUpstreamStreamParser(target.UpstreamModel, target.Credential);
        await foreach (var streamEvent in UpstreamStream.ReadAsync(response, parser, Provider, cancellationToken))
        {
            yield return streamEvent;
        }
    }

    public Task<EmbeddingResponse> EmbedAsync(UpstreamTarget target, EmbeddingRequest request, CancellationToken cancellationToken) =>
        Task.FromException<EmbeddingResponse>(new UpstreamException(ErrorClass.BadRequest, "Anthropic has no embeddings API."));

    private static HttpRequestMessage CreateRequest(UpstreamTarget target, PooledBufferWriter body, bool stream)
    {
        var message = UpstreamCalls.Post(UpstreamUrls.Combine(target.BaseUrl, "v1", "/messages"), body, stream);
        if (!string.IsNullOrEmpty(target.Credential))
        {
            message.Headers.TryAddWithoutValidation("x-api-key", target.Credential);
        }

        message.Headers.TryAddWithoutValidation("anthropic-version", ApiVersion);
        return message;
    }
}

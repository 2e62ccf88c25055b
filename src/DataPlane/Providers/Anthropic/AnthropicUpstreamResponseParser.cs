using System.Text;
using System.Text.Json;
using Platform.DataPlane.Chat;
using Platform.DataPlane.Providers.Http;

namespace Platform.DataPlane.Providers.Anthropic;

/// <summary>
/// A Messages response. Usage: <see cref="Chat.Usage.InputTokens"/> is the whole prompt, i.e. Anthropic's
/// <c>input_tokens + cache_read_input_tokens + cache_creation_input_tokens</c>, with the cache reads as
/// <see cref="Chat.Usage.CachedInputTokens"/> (OpenAI's convention, which the cost math uses).
/// </summary>
internal static class AnthropicUpstreamResponseParser
{
    public static ChatResponse Parse(ReadOnlySpan<byte> body, string requestedModel)
    {
        var reader = new Utf8JsonReader(body);
        UpstreamJson.Expect(ref reader, JsonTokenType.StartObject);
        string? id = null, model = null, stopReason = null;
        StringBuilder? text = null;
        List<ToolCall>? calls = null;
        var usage = new AnthropicUsage();
        var sawContent = false;
        while (UpstreamJson.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("id"u8))
            {
                id = UpstreamJson.NullableString(ref reader);
            }
            else if (reader.ValueTextEquals("model"u8))
            {
                model = UpstreamJson.NullableString(ref reader);
            }
            else if (reader.ValueTextEquals("stop_reason"u8))
            {
                stopReason = UpstreamJson.NullableString(ref reader);
            }
            else if (reader.ValueTextEquals("usage"u8))
            {
                usage.Read(ref reader);
            }
            else if (reader.ValueTextEquals("content"u8))
            {
                sawContent = true;
                UpstreamJson.Expect(ref reader, JsonTokenType.StartArray);
                while (UpstreamJson.NextItem(ref reader))
                {
                    ReadBlock(ref reader, body, ref text, ref calls);
                }
            }
            else
            {
                reader.Skip();
            }
        }

        if (!sawContent)
        {
            throw new JsonException("The message has no content.");
        }

        return new ChatResponse
        {
            Id = id ?? "msg_upstream",
            Model = model ?? requestedModel,
            Text = text?.ToString() ?? "",
            ToolCalls = calls ?? [],
            FinishReason = FinishReasonOf(stopReason, calls is not null),
            Usage = usage.ToUsage(),
        };
    }

    /// <summary><c>refusal</c> (Anthropic's content filter) is a normal answer with <see cref="FinishReason.ContentFilter"/>.</summary>
    public static FinishReason FinishReasonOf(string? stopReason, bool hasToolCalls) => stopReason switch
    {
        "max_tokens" or "model_context_window_exceeded" => FinishReason.Length,
        "tool_use" => FinishReason.ToolCalls,
        "refusal" => FinishReason.ContentFilter,
        _ when hasToolCalls => FinishReason.ToolCalls,
        _ => FinishReason.Stop,
    };

    private static void ReadBlock(ref Utf8JsonReader reader, ReadOnlySpan<byte> body, ref StringBuilder? text, ref List<ToolCall>? calls)
    {
        UpstreamJson.ExpectCurrent(ref reader, JsonTokenType.StartObject);
        string? type = null, blockText = null, id = null, name = null, input = null;
        while (UpstreamJson.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("type"u8))
            {
                type = UpstreamJson.NullableString(ref reader);
            }
            else if (reader.ValueTextEquals("text"u8))
            {
                blockText = UpstreamJson.NullableString(ref reader);
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                id = UpstreamJson.NullableString(ref reader);
            }
            else if (reader.ValueTextEquals("name"u8))
            {
                name = UpstreamJson.NullableString(ref reader);
            }
            else if (reader.ValueTextEquals("input"u8))
            {
                input = UpstreamJson.Raw(ref reader, body);
            }
            else
            {
                reader.Skip();
            }
        }

        if (type == "text" && blockText is not null)
        {
            (text ??= new StringBuilder()).Append(blockText);
        }
        else if (type == "tool_use")
        {
            (calls ??= []).Add(new ToolCall(
                id ?? throw new JsonException("A tool_use block has no id."),
                name ?? throw new JsonException("A tool_use block has no name."),
                input ?? "{}"));
        }
    }
}

using System.Text.Json;
using Platform.DataPlane.Chat;
using Platform.DataPlane.Providers.Http;

namespace Platform.DataPlane.Providers.OpenAi;

/// <summary>A <c>chat.completion</c> body: choice 0's message, finish reason, usage (with cached prompt tokens).</summary>
internal static class OpenAiUpstreamResponseParser
{
    public static ChatResponse Parse(ReadOnlySpan<byte> body, string requestedModel)
    {
        var reader = new Utf8JsonReader(body);
        UpstreamJson.Expect(ref reader, JsonTokenType.StartObject);
        string? id = null, model = null, text = null, finish = null;
        List<ToolCall>? calls = null;
        Chat.Usage usage = default;
        var sawChoice = false;
        while (UpstreamJson.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("id"u8))
            {
                id = UpstreamJson.String(ref reader);
            }
            else if (reader.ValueTextEquals("model"u8))
            {
                model = UpstreamJson.String(ref reader);
            }
            else if (reader.ValueTextEquals("usage"u8))
            {
                usage = ReadUsage(ref reader) ?? default;
            }
            else if (reader.ValueTextEquals("choices"u8))
            {
                UpstreamJson.Expect(ref reader, JsonTokenType.StartArray);
                while (UpstreamJson.NextItem(ref reader))
                {
                    if (sawChoice)
                    {
                        reader.Skip();
                        continue;
                    }

                    sawChoice = true;
                    ReadChoice(ref reader, ref text, ref finish, ref calls);
                }
            }
            else
            {
                reader.Skip();
            }
        }

        if (!sawChoice)
        {
            throw new JsonException("The response has no choices.");
        }

        var reason = FinishReasonOf(finish, calls is not null);
        return new ChatResponse
        {
            Id = id ?? "chatcmpl-upstream",
            Model = model ?? requestedModel,
            Text = text ?? "",
            ToolCalls = calls ?? [],
            FinishReason = reason,
            Usage = usage,
        };
    }

    public static FinishReason FinishReasonOf(string? finish, bool hasToolCalls) => finish switch
    {
        "length" => FinishReason.Length,
        "tool_calls" or "function_call" => FinishReason.ToolCalls,
        "content_filter" => FinishReason.ContentFilter,
        _ when hasToolCalls => FinishReason.ToolCalls,
        _ => FinishReason.Stop,
    };

    /// <summary>OpenAI <c>usage</c>; null for JSON null (stream chunks before the last).</summary>
    public static Chat.Usage? ReadUsage(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("usage is not an object.");
        }

        int input = 0, output = 0, cached = 0;
        while (UpstreamJson.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("prompt_tokens"u8))
            {
                input = UpstreamJson.Int(ref reader);
            }
            else if (reader.ValueTextEquals("completion_tokens"u8))
            {
                output = UpstreamJson.Int(ref reader);
            }
            else if (reader.ValueTextEquals("prompt_tokens_details"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }

                while (UpstreamJson.NextProperty(ref reader))
                {
                    if (reader.ValueTextEquals("cached_tokens"u8))
                    {
                        cached = UpstreamJson.Int(ref reader);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
            else
            {
                reader.Skip();
            }
        }

        return new Chat.Usage(input, output, cached);
    }

    private static void ReadChoice(ref Utf8JsonReader reader, ref string? text, ref string? finish, ref List<ToolCall>? calls)
    {
        UpstreamJson.ExpectCurrent(ref reader, JsonTokenType.StartObject);
        while (UpstreamJson.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("finish_reason"u8))
            {
                finish = UpstreamJson.NullableString(ref reader);
            }
            else if (reader.ValueTextEquals("message"u8))
            {
                UpstreamJson.Expect(ref reader, JsonTokenType.StartObject);
                while (UpstreamJson.NextProperty(ref reader))
                {
                    if (reader.ValueTextEquals("content"u8))
                    {
                        text = UpstreamJson.NullableString(ref reader);
                    }
                    else if (reader.ValueTextEquals("tool_calls"u8))
                    {
                        calls = ReadToolCalls(ref reader);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private static List<ToolCall>? ReadToolCalls(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        UpstreamJson.ExpectCurrent(ref reader, JsonTokenType.StartArray);
        var calls = new List<ToolCall>();
        while (UpstreamJson.NextItem(ref reader))
        {
            string? id = null, name = null, arguments = null;
            while (UpstreamJson.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("id"u8))
                {
                    id = UpstreamJson.String(ref reader);
                }
                else if (reader.ValueTextEquals("function"u8))
                {
                    UpstreamJson.Expect(ref reader, JsonTokenType.StartObject);
                    while (UpstreamJson.NextProperty(ref reader))
                    {
                        if (reader.ValueTextEquals("name"u8))
                        {
                            name = UpstreamJson.String(ref reader);
                        }
                        else if (reader.ValueTextEquals("arguments"u8))
                        {
                            arguments = UpstreamJson.NullableString(ref reader);
                        }
                        else
                        {
                            reader.Skip();
                        }
                    }
                }
                else
                {
                    reader.Skip();
                }
            }

            calls.Add(new ToolCall(id ?? $"call_{calls.Count}", name ?? throw new JsonException("A tool call has no name."), arguments ?? "{}"));
        }

        return calls.Count > 0 ? calls : null;
    }
}

using System.Text.Json;
using Platform.DataPlane.Chat;
using Platform.DataPlane.Providers.Http;

namespace Platform.DataPlane.Providers.Gemini;

/// <summary>
/// One <c>GenerateContentResponse</c>: a whole answer, or one stream chunk. Candidate 0's text and function calls,
/// its finish reason, a prompt block reason, usage, model version and response id.
/// </summary>
internal sealed class GeminiChunk
{
    public List<string> Texts { get; } = [];

    public List<(string Name, string Args, string? Id)> Calls { get; } = [];

    public string? FinishReason { get; private set; }

    public string? BlockReason { get; private set; }

    public Chat.Usage? Usage { get; private set; }

    public string? ModelVersion { get; private set; }

    public string? ResponseId { get; private set; }

    public ProviderErrorBody? Error { get; private set; }

    public bool HasCandidate { get; private set; }

    /// <summary>Blocked prompts and safety stops are content filtering; a 200 stays a normal answer.</summary>
    public static FinishReason? FinishReasonOf(string? finishReason, string? blockReason, bool hasCalls)
    {
        if (blockReason is not null)
        {
            return Chat.FinishReason.ContentFilter;
        }

        return finishReason switch
        {
            null => null,
            "MAX_TOKENS" => Chat.FinishReason.Length,
            "SAFETY" or "RECITATION" or "BLOCKLIST" or "PROHIBITED_CONTENT" or "SPII" or "IMAGE_SAFETY" => Chat.FinishReason.ContentFilter,
            _ when hasCalls => Chat.FinishReason.ToolCalls,
            _ => Chat.FinishReason.Stop,
        };
    }

    public static GeminiChunk Parse(ReadOnlySpan<byte> body)
    {
        var chunk = new GeminiChunk();
        var reader = new Utf8JsonReader(body);
        UpstreamJson.Expect(ref reader, JsonTokenType.StartObject);
        while (UpstreamJson.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("candidates"u8))
            {
                UpstreamJson.Expect(ref reader, JsonTokenType.StartArray);
                while (UpstreamJson.NextItem(ref reader))
                {
                    if (chunk.HasCandidate)
                    {
                        reader.Skip();
                        continue;
                    }

                    chunk.HasCandidate = true;
                    chunk.ReadCandidate(ref reader, body);
                }
            }
            else if (reader.ValueTextEquals("promptFeedback"u8))
            {
                UpstreamJson.Expect(ref reader, JsonTokenType.StartObject);
                while (UpstreamJson.NextProperty(ref reader))
                {
                    if (reader.ValueTextEquals("blockReason"u8))
                    {
                        chunk.BlockReason = UpstreamJson.NullableString(ref reader);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
            else if (reader.ValueTextEquals("usageMetadata"u8))
            {
                chunk.Usage = ReadUsage(ref reader);
            }
            else if (reader.ValueTextEquals("modelVersion"u8))
            {
                chunk.ModelVersion = UpstreamJson.NullableString(ref reader);
            }
            else if (reader.ValueTextEquals("responseId"u8))
            {
                chunk.ResponseId = UpstreamJson.NullableString(ref reader);
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                UpstreamJson.Expect(ref reader, JsonTokenType.StartObject);
                chunk.Error = ProviderErrorBody.ParseError(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return chunk;
    }

    private void ReadCandidate(ref Utf8JsonReader reader, ReadOnlySpan<byte> body)
    {
        UpstreamJson.ExpectCurrent(ref reader, JsonTokenType.StartObject);
        while (UpstreamJson.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("finishReason"u8))
            {
                FinishReason = UpstreamJson.NullableString(ref reader);
            }
            else if (reader.ValueTextEquals("content"u8))
            {
                UpstreamJson.Expect(ref reader, JsonTokenType.StartObject);
                while (UpstreamJson.NextProperty(ref reader))
                {
                    if (!reader.ValueTextEquals("parts"u8))
                    {
                        reader.Skip();
                        continue;
                    }

                    UpstreamJson.Expect(ref reader, JsonTokenType.StartArray);
                    while (UpstreamJson.NextItem(ref reader))
                    {
                        ReadPart(ref reader, body);
                    }
                }
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private void ReadPart(ref Utf8JsonReader reader, ReadOnlySpan<byte> body)
    {
        UpstreamJson.ExpectCurrent(ref reader, JsonTokenType.StartObject);
        string? text = null;
        var thought = false;
        while (UpstreamJson.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("text"u8))
            {
                text = UpstreamJson.NullableString(ref reader);
            }
            else if (reader.ValueTextEquals("thought"u8))
            {
                reader.Read();
                thought = reader.TokenType == JsonTokenType.True;
            }
            else if (reader.ValueTextEquals("functionCall"u8))
            {
                string? name = null, args = null, id = null;
                UpstreamJson.Expect(ref reader, JsonTokenType.StartObject);
                while (UpstreamJson.NextProperty(ref reader))
                {
                    if (reader.ValueTextEquals("name"u8))
                    {
                        name = UpstreamJson.NullableString(ref reader);
                    }
                    else if (reader.ValueTextEquals("args"u8))
                    {
                        args = UpstreamJson.Raw(ref reader, body);
                    }
                    else if (reader.ValueTextEquals("id"u8))
                    {
                        id = UpstreamJson.NullableString(ref reader);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }

                Calls.Add((name ?? throw new JsonException("functionCall has no name."), args ?? "{}", id));
            }
            else
            {
                reader.Skip();
            }
        }

        // Thought summaries are not part of the answer.
        if (!thought && !string.IsNullOrEmpty(text))
        {
            Texts.Add(text);
        }
    }

    private static Chat.Usage? ReadUsage(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        int prompt = 0, candidates = 0, thoughts = 0, cached = 0;
        while (UpstreamJson.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("promptTokenCount"u8))
            {
                prompt = UpstreamJson.Int(ref reader);
            }
            else if (reader.ValueTextEquals("candidatesTokenCount"u8))
            {
                candidates = UpstreamJson.Int(ref reader);
            }
            else if (reader.ValueTextEquals("thoughtsTokenCount"u8))
            {
                thoughts = UpstreamJson.Int(ref reader);
            }
            else if (reader.ValueTextEquals("cachedContentTokenCount"u8))
            {
                cached = UpstreamJson.Int(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        // Thinking tokens are billed as output.
        return new Chat.Usage(prompt, candidates + thoughts, cached);
    }
}

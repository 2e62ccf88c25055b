using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using Platform.Simulator.Chat;
using Platform.Simulator.Faults;
using Platform.Simulator.Streaming;
using Platform.Simulator.Text;

namespace Platform.Simulator.OpenAi;

/// <summary><c>POST /v1/embeddings</c>: unit vectors seeded by model and input, float or base64 encoded.</summary>
internal sealed class EmbeddingsEndpoint(RequestGate gate, SimulatorOptions options)
{
    private const int MaxDimensions = 8192;

    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
            EmbeddingRequest request;
            try
            {
                request = Parse(document.RootElement);
            }
            catch (Exception exception) when (exception is RequestParseException or InvalidOperationException)
            {
                await gate.RejectAsync(context, OpenAiErrors.Instance, null, exception.Message);
                return;
            }

            if (await gate.PassAsync(context, OpenAiErrors.Instance, request.Model, request.Tokens, contentFilterIsError: true) is not { } passed)
            {
                return;
            }

            using var frames = new FrameBuffer();
            Write(frames.BeginJson([]), request);
            frames.EndJson([]);
            await ResponsePlayer.PlayBufferedAsync(context, frames.Written, StatusCodes.Status200OK, passed.BodyFault);
        }
        catch (JsonException exception)
        {
            await gate.RejectAsync(context, OpenAiErrors.Instance, null, $"The request body is not valid JSON: {exception.Message}");
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
        }
    }

    private EmbeddingRequest Parse(JsonElement root)
    {
        JsonRead.EnsureObject(root, "The request body");
        var model = JsonRead.RequiredString(root, "model");
        var dimensions = JsonRead.OptionalPositiveInt(root, "dimensions") ?? options.DefaultEmbeddingDimensions;
        if (dimensions > MaxDimensions)
        {
            throw new RequestParseException($"'dimensions' must be at most {MaxDimensions}.");
        }

        var base64 = JsonRead.OptionalString(root, "encoding_format") switch
        {
            "base64" => true,
            "float" or null => false,
            var other => throw new RequestParseException($"Unknown encoding_format '{other}'."),
        };

        if (!root.TryGetProperty("input", out var input))
        {
            throw new RequestParseException("'input' is required.");
        }

        var inputs = new List<string>();
        switch (input.ValueKind)
        {
            case JsonValueKind.String:
                inputs.Add(input.GetString()!);
                break;
            case JsonValueKind.Array when input.GetArrayLength() > 0:
                var tokenIds = input[0].ValueKind == JsonValueKind.Number;
                if (tokenIds)
                {
                    // One pre-tokenized input: embed its token ids as text.
                    inputs.Add(input.GetRawText());
                    break;
                }

                foreach (var item in input.EnumerateArray())
                {
                    inputs.Add(item.ValueKind switch
                    {
                        JsonValueKind.String => item.GetString()!,
                        JsonValueKind.Array => item.GetRawText(),
                        _ => throw new RequestParseException("'input' items must be strings or token arrays."),
                    });
                }

                break;
            default:
                throw new RequestParseException("'input' must be a string or a non-empty array.");
        }

        var tokens = 0;
        foreach (var text in inputs)
        {
            tokens += TokenMath.Text(text.Length);
        }

        return new EmbeddingRequest(model, inputs, dimensions, base64, tokens);
    }

    private static void Write(Utf8JsonWriter writer, EmbeddingRequest request)
    {
        var vector = ArrayPool<float>.Shared.Rent(request.Dimensions);
        try
        {
            var span = vector.AsSpan(0, request.Dimensions);
            writer.WriteStartObject();
            writer.WriteString("object"u8, "list"u8);
            writer.WriteStartArray("data"u8);
            for (var index = 0; index < request.Inputs.Count; index++)
            {
                EmbeddingVector.Fill(span, request.Model, request.Inputs[index]);
                writer.WriteStartObject();
                writer.WriteString("object"u8, "embedding"u8);
                writer.WriteNumber("index"u8, index);
                if (request.Base64)
                {
                    // Little-endian float32s, as the OpenAI SDKs decode them.
                    writer.WriteBase64String("embedding"u8, MemoryMarshal.AsBytes((ReadOnlySpan<float>)span));
                }
                else
                {
                    writer.WriteStartArray("embedding"u8);
                    foreach (var value in span)
                    {
                        writer.WriteNumberValue(value);
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteString("model"u8, request.Model);
            writer.WriteStartObject("usage"u8);
            writer.WriteNumber("prompt_tokens"u8, request.Tokens);
            writer.WriteNumber("total_tokens"u8, request.Tokens);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        finally
        {
            ArrayPool<float>.Shared.Return(vector);
        }
    }
}

using System.Buffers;
using System.Text.Json;
using Platform.DataPlane.Protocols.Sse;

namespace Platform.DataPlane.Protocols.OpenAi;

/// <summary>OpenAI's error body: <c>{"error":{"message","type","param","code"}}</c>.</summary>
internal static class OpenAiErrorWriter
{
    public static void Write(IBufferWriter<byte> output, string message, string type, string? param = null, string? code = null)
    {
        using var writer = new Utf8JsonWriter(output, SseFrameWriter.JsonOptions);
        WriteBody(writer, message, type, param, code);
    }

    /// <summary>The 400 for a body the readers refused.</summary>
    public static void Write(IBufferWriter<byte> output, ClientRequestException exception) =>
        Write(output, exception.Message, "invalid_request_error", exception.Param, exception.Code);

    public static void WriteBody(Utf8JsonWriter writer, string message, string type, string? param, string? code)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("error"u8);
        writer.WriteString("message"u8, message);
        writer.WriteString("type"u8, type);
        WriteNullable(writer, "param"u8, param);
        WriteNullable(writer, "code"u8, code);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}

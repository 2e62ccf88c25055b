using System.Buffers;
using System.Text.Json;
using Platform.DataPlane.Chat;
using Platform.DataPlane.Configuration;

namespace Platform.DataPlane.Caching;

/// <summary>
/// The bytes a cache key hashes: the parsed request written back in one fixed order, so
/// whitespace, key order and the caller's dialect do not change it. Everything that changes the
/// answer is in (messages, tools, tool choice, response format, sampling, max tokens, stop, the
/// route and its candidates); what only changes its delivery or bookkeeping is out (stream,
/// stream options, metadata, user / customer, the <c>model</c> spelling).
/// </summary>
internal static class CanonicalRequest
{
    /// <summary>Bumped whenever the layout below changes, so old and new keys never meet.</summary>
    private const int Layout = 1;

    public static void Write(IBufferWriter<byte> output, Guid tenantId, RoutePolicy route, ChatRequest request)
    {
        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartObject();
        writer.WriteNumber("layout"u8, Layout);
        writer.WriteString("tenant"u8, tenantId);
        writer.WriteString("route"u8, route.Name);
        writer.WriteStartArray("candidates"u8);
        foreach (var candidate in route.Candidates)
        {
            writer.WriteStringValue(candidate.Model.Name);
        }

        writer.WriteEndArray();
        WriteMessages(writer, request.Messages);
        WriteTools(writer, request);
        WriteResponseFormat(writer, request.ResponseFormat);
        WriteOptional(writer, "maxTokens"u8, request.MaxTokens);
        WriteOptional(writer, "temperature"u8, request.Temperature);
        WriteOptional(writer, "topP"u8, request.TopP);
        writer.WriteStartArray("stop"u8);
        foreach (var stop in request.Stop)
        {
            writer.WriteStringValue(stop);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteMessages(Utf8JsonWriter writer, IReadOnlyList<ChatMessage> messages)
    {
        writer.WriteStartArray("messages"u8);
        foreach (var message in messages)
        {
            writer.WriteStartObject();
            writer.WriteNumber("role"u8, (int)message.Role);
            writer.WriteStartArray("content"u8);
            foreach (var part in message.Content)
            {
                writer.WriteStartObject();
                writer.WriteNumber("kind"u8, (int)part.Kind);
                writer.WriteString("value"u8, part.Value);
                writer.WriteString("mediaType"u8, part.MediaType);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("toolCalls"u8);
            foreach (var call in message.ToolCalls)
            {
                writer.WriteStartObject();
                writer.WriteString("id"u8, call.Id);
                writer.WriteString("name"u8, call.Name);
                writer.WritePropertyName("arguments"u8);
                CanonicalJson.Write(writer, call.ArgumentsJson);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteString("toolCallId"u8, message.ToolCallId);
            writer.WriteString("name"u8, message.Name);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteTools(Utf8JsonWriter writer, ChatRequest request)
    {
        writer.WriteStartArray("tools"u8);
        foreach (var tool in request.Tools)
        {
            writer.WriteStartObject();
            writer.WriteString("name"u8, tool.Name);
            writer.WriteString("description"u8, tool.Description);
            writer.WritePropertyName("parameters"u8);
            CanonicalJson.Write(writer, tool.ParametersJson);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (request.ToolChoice is { } choice)
        {
            writer.WriteStartObject("toolChoice"u8);
            writer.WriteNumber("mode"u8, (int)choice.Mode);
            writer.WriteString("function"u8, choice.FunctionName);
            writer.WriteEndObject();
        }
    }

    private static void WriteResponseFormat(Utf8JsonWriter writer, ResponseFormat? format)
    {
        if (format is null)
        {
            return;
        }

        writer.WriteStartObject("responseFormat"u8);
        writer.WriteNumber("kind"u8, (int)format.Kind);
        writer.WriteString("name"u8, format.SchemaName);
        writer.WritePropertyName("schema"u8);
        CanonicalJson.Write(writer, format.SchemaJson);
        writer.WriteBoolean("strict"u8, format.Strict);
        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, ReadOnlySpan<byte> name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, ReadOnlySpan<byte> name, double? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }
}

using System.Runtime.InteropServices;
using System.Text.Json;

namespace Platform.Simulator.Chat;

/// <summary>Typed reads from a request body that fail with a 400 message instead of an exception.</summary>
internal static class JsonRead
{
    public static void EnsureObject(JsonElement element, string what)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new RequestParseException($"{what} must be a JSON object.");
        }
    }

    public static string RequiredString(JsonElement owner, string name) =>
        OptionalString(owner, name) is { Length: > 0 } value
            ? value
            : throw new RequestParseException($"'{name}' is required and must be a non-empty string.");

    public static string? OptionalString(JsonElement owner, string name)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new RequestParseException($"'{name}' must be a string.");
    }

    public static bool OptionalBool(JsonElement owner, string name)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new RequestParseException($"'{name}' must be a boolean."),
        };
    }

    public static int? OptionalPositiveInt(JsonElement owner, string name)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number > 0
            ? number
            : throw new RequestParseException($"'{name}' must be a positive integer.");
    }

    public static JsonElement RequiredArray(JsonElement owner, string name)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            throw new RequestParseException($"'{name}' is required and must be a non-empty array.");
        }

        return value;
    }

    /// <summary>Object property, or Undefined when absent or null; any other kind is a 400.</summary>
    public static JsonElement OptionalObject(JsonElement owner, string name)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return default;
        }

        return value.ValueKind == JsonValueKind.Object
            ? value
            : throw new RequestParseException($"'{name}' must be an object.");
    }

    /// <summary>Array property, or Undefined when absent or null; any other kind is a 400.</summary>
    public static JsonElement OptionalArray(JsonElement owner, string name)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return default;
        }

        return value.ValueKind == JsonValueKind.Array
            ? value
            : throw new RequestParseException($"'{name}' must be an array.");
    }

    /// <summary>Length of the element's JSON text, read without allocating a string.</summary>
    public static int RawLength(JsonElement element) =>
        element.ValueKind == JsonValueKind.Undefined ? 0 : JsonMarshal.GetRawUtf8Value(element).Length;
}

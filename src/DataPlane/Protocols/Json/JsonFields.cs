using System.Text;
using System.Text.Json;

namespace Platform.DataPlane.Protocols.Json;

/// <summary>
/// Typed reads of the value after a property name, over a whole-body <see cref="Utf8JsonReader"/>. A mismatch
/// throws <see cref="ClientRequestException"/> naming the field; callers add the outer path with
/// <see cref="ClientRequestException.Within"/>, so the happy path allocates no path strings.
/// </summary>
internal static class JsonFields
{
    public static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 64 };

    /// <summary>Moves from a property name to its value.</summary>
    public static void Value(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new ClientRequestException("The request body ended early.", null, ClientErrorCodes.InvalidJson);
        }
    }

    public static void StartObject(ref Utf8JsonReader reader, string? param)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw ClientRequestException.WrongType(param, "an object");
        }
    }

    public static void StartArray(ref Utf8JsonReader reader, string param)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw ClientRequestException.WrongType(param, "an array");
        }
    }

    /// <summary>Advances to the next property name of the current object; false at its end.</summary>
    public static bool NextProperty(ref Utf8JsonReader reader)
    {
        Value(ref reader);
        return reader.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>Advances to the next item of the current array; false at its end.</summary>
    public static bool NextItem(ref Utf8JsonReader reader)
    {
        Value(ref reader);
        return reader.TokenType != JsonTokenType.EndArray;
    }

    public static string String(ref Utf8JsonReader reader, string param)
    {
        Value(ref reader);
        return reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw ClientRequestException.WrongType(param, "a string");
    }

    public static string? NullableString(ref Utf8JsonReader reader, string param)
    {
        Value(ref reader);
        return reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            _ => throw ClientRequestException.WrongType(param, "a string"),
        };
    }

    public static bool? Bool(ref Utf8JsonReader reader, string param)
    {
        Value(ref reader);
        return reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            JsonTokenType.Null => null,
            _ => throw ClientRequestException.WrongType(param, "a boolean"),
        };
    }

    public static int? PositiveInt(ref Utf8JsonReader reader, string param)
    {
        Value(ref reader);
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var value))
        {
            throw ClientRequestException.WrongType(param, "an integer");
        }

        return value >= 1 ? value : throw new ClientRequestException("must be at least 1.", param);
    }

    public static double? Number(ref Utf8JsonReader reader, string param, double min, double max)
    {
        Value(ref reader);
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var value) || !double.IsFinite(value))
        {
            throw ClientRequestException.WrongType(param, "a number");
        }

        return value >= min && value <= max
            ? value
            : throw new ClientRequestException(FormattableString.Invariant($"must be between {min} and {max}."), param);
    }

    /// <summary>The value as JSON text (a schema, tool arguments), kept verbatim.</summary>
    public static string Raw(ref Utf8JsonReader reader, ReadOnlySpan<byte> body)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        var end = (int)reader.BytesConsumed;
        return Encoding.UTF8.GetString(body[start..end]);
    }

    /// <summary>A raw JSON object; null for JSON null, an error for anything else.</summary>
    public static string? RawObject(ref Utf8JsonReader reader, ReadOnlySpan<byte> body, string param)
    {
        Value(ref reader);
        return reader.TokenType switch
        {
            JsonTokenType.StartObject => Raw(ref reader, body),
            JsonTokenType.Null => null,
            _ => throw ClientRequestException.WrongType(param, "an object"),
        };
    }

    /// <summary>An object of string values (OpenAI <c>metadata</c>).</summary>
    public static Dictionary<string, string>? StringMap(ref Utf8JsonReader reader, string param)
    {
        Value(ref reader);
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        StartObject(ref reader, param);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        while (NextProperty(ref reader))
        {
            var key = reader.GetString()!;
            Value(ref reader);
            map[key] = reader.TokenType == JsonTokenType.String
                ? reader.GetString()!
                : throw ClientRequestException.WrongType($"{param}.{key}", "a string");
        }

        return map;
    }

    /// <summary>Ends a whole-body read: nothing but whitespace may follow the root value.</summary>
    public static void End(ref Utf8JsonReader reader)
    {
        if (reader.Read())
        {
            throw new ClientRequestException("The request body has content after its JSON value.", null, ClientErrorCodes.InvalidJson);
        }
    }

    /// <summary>Runs a body read and turns every parser failure into <see cref="ClientRequestException"/>.</summary>
    public static T Guard<T>(ReadOnlySpan<byte> body, BodyReader<T> read)
    {
        try
        {
            return read(body);
        }
        catch (JsonException exception)
        {
            throw new ClientRequestException(
                $"We could not parse the JSON body of your request: {exception.Message}", null, ClientErrorCodes.InvalidJson);
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // Utf8JsonReader.GetString throws InvalidOperationException on invalid UTF-8 inside a string.
            throw new ClientRequestException("The request body is not valid UTF-8 JSON.", null, ClientErrorCodes.InvalidJson);
        }
    }
}

internal delegate T BodyReader<out T>(ReadOnlySpan<byte> body);

using System.Text.Json;

namespace Platform.DataPlane.Caching;

/// <summary>
/// JSON the request carries as text (tool schemas, tool arguments, a response schema) written
/// back with object members sorted by name and no whitespace, so two spellings of the same
/// value hash alike. Text that is not JSON is written as a string, unchanged.
/// </summary>
internal static class CanonicalJson
{
    public static void Write(Utf8JsonWriter writer, string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            writer.WriteNullValue();
            return;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            writer.WriteStringValue(json);
            return;
        }

        using (document)
        {
            WriteElement(writer, document.RootElement);
        }
    }

    private static void WriteElement(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var members = new List<JsonProperty>();
                foreach (var member in element.EnumerateObject())
                {
                    members.Add(member);
                }

                // Stable for duplicate names: List.Sort is not, so ties keep document order by index.
                var order = new int[members.Count];
                for (var i = 0; i < order.Length; i++)
                {
                    order[i] = i;
                }

                Array.Sort(order, (a, b) =>
                {
                    var byName = string.CompareOrdinal(members[a].Name, members[b].Name);
                    return byName != 0 ? byName : a.CompareTo(b);
                });
                writer.WriteStartObject();
                foreach (var index in order)
                {
                    writer.WritePropertyName(members[index].Name);
                    WriteElement(writer, members[index].Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteElement(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}

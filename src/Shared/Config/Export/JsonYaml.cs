using System.Text.Json;

namespace Platform.Shared.Config;

/// <summary>Stored JSON (prompt messages, parameters, schemas) back into YAML, the inverse of <see cref="YamlJson"/>.</summary>
internal static class JsonYaml
{
    public static YNode? From(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return From(document.RootElement);
    }

    private static YNode From(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => Map(element),
        JsonValueKind.Array => List(element),
        JsonValueKind.String => new YScalar(element.GetString()!),
        JsonValueKind.Number => new YScalar(element.GetRawText(), Verbatim: true),
        JsonValueKind.True => new YScalar("true", Verbatim: true),
        JsonValueKind.False => new YScalar("false", Verbatim: true),
        _ => new YScalar("null", Verbatim: true),
    };

    private static YMap Map(JsonElement element)
    {
        var map = new YMap();
        foreach (var property in element.EnumerateObject())
        {
            map.Add(property.Name, From(property.Value));
        }

        return map;
    }

    /// <summary>A list of plain values goes on one line; anything richer is a block.</summary>
    private static YList List(JsonElement element)
    {
        var items = element.EnumerateArray().Select(From).ToList();
        return new YList(items, Flow: items.All(i => i is YScalar));
    }
}

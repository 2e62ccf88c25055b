namespace Platform.Shared.Tests.Config;

/// <summary>Small config files for tests, and where a piece of text sits in them.</summary>
internal static class Yaml
{
    public const string Small = """
        version: 1
        tenants:
          - slug: acme
            name: Acme
            providers:
              - name: p1
                kind: openai-compatible
                baseUrl: http://127.0.0.1:5400
                credential: secret-one
            models:
              - name: p1/small
                contextWindow: 8000
                maxOutputTokens: 1000
                prices: { input: 0.1, output: 0.2 }
              - name: p1/large
                contextWindow: 128000
                maxOutputTokens: 4000
                capabilities: [streaming, tools]
                prices: { input: 1, output: 2, cachedInput: 0.5 }
            tiers:
              - name: A
                models: [p1/large, p1/small]
              - name: B
                models: [p1/small]
            fallbackPolicies:
              - name: standard
                retryOn: [timeout]
            routes:
              - name: summary
                tier: A
                fallbackPolicy: standard
        """;

    /// <summary>1-based line and column of the first occurrence of <paramref name="text"/>.</summary>
    public static (int Line, int Column) Find(string yaml, string text)
    {
        var index = yaml.IndexOf(text, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{text}' is not in the YAML.");
        var before = yaml[..index];
        var line = before.Count(c => c == '\n') + 1;
        var column = index - (before.LastIndexOf('\n') + 1) + 1;
        return (line, column);
    }
}

namespace Platform.DataPlane.Tests.Integration;

/// <summary>YAML pieces most test tenants share. Upstream ids are <c>${TAG}-...</c>, unique per test.</summary>
internal static class TenantYaml
{
    /// <summary>One provider of each wire format, all served by the simulator.</summary>
    public const string Providers = """
        providers:
          - name: oa
            kind: openai-compatible
            baseUrl: ${SIM}
            credential: sk-sim-test
            region: eu
          - name: an
            kind: anthropic
            baseUrl: ${SIM}
            credential: sk-ant-sim-test
            region: eu
          - name: ge
            kind: gemini
            baseUrl: ${SIM}
            credential: sim-gemini-test
            region: eu
        """;

    /// <summary>Chat models <c>oa/gpt</c>, <c>an/claude</c>, <c>ge/gemini</c> and the embeddings model <c>oa/embed</c>.</summary>
    public const string Models = """
        models:
          - name: oa/gpt
            upstreamId: ${TAG}-gpt
            contextWindow: 128000
            maxOutputTokens: 4096
            capabilities: [streaming, tools, jsonSchema]
            prices: { input: 2.5, output: 10, cachedInput: 1.25 }
          - name: an/claude
            upstreamId: ${TAG}-claude
            contextWindow: 200000
            maxOutputTokens: 4096
            capabilities: [streaming, tools, jsonSchema]
            prices: { input: 3, output: 15, cachedInput: 0.3 }
          - name: ge/gemini
            upstreamId: ${TAG}-gemini
            contextWindow: 1000000
            maxOutputTokens: 4096
            capabilities: [streaming, tools, jsonSchema]
            prices: { input: 0.1, output: 0.4, cachedInput: 0.025 }
          - name: oa/embed
            upstreamId: ${TAG}-embed
            contextWindow: 8191
            capabilities: [embeddings]
            prices: { input: 0.02, output: 0, cachedInput: 0 }
        """;

    /// <summary>One unrestricted key.</summary>
    public const string Key = """
        apiKeys:
          - name: app
            key: ${KEY}
        """;

    /// <summary>
    /// The three providers, the four models, an unrestricted key <c>app</c> (<c>${KEY}</c>) followed
    /// by <paramref name="extraKeys"/> (more <c>apiKeys</c> items), then <paramref name="more"/> sections.
    /// </summary>
    public static string Standard(string more = "", string extraKeys = "") =>
        Providers + "\n" + Models + "\n" + Key + (extraKeys.Length > 0 ? "\n" + extraKeys : "") + (more.Length > 0 ? "\n" + more : "");

    /// <summary>A chat model <c>oa/&lt;name&gt;</c> (or another provider) with upstream id <c>${TAG}-&lt;name&gt;</c>.</summary>
    public static string Model(string name, string provider = "oa", int contextWindow = 128000, decimal input = 1, decimal output = 2) => $$"""
          - name: {{provider}}/{{name}}
            upstreamId: ${TAG}-{{name}}
            contextWindow: {{contextWindow}}
            maxOutputTokens: 4096
            capabilities: [streaming, tools, jsonSchema]
            prices: { input: {{input}}, output: {{output}}, cachedInput: 0 }
        """;
}

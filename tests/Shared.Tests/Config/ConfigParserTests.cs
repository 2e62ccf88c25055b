using Platform.Shared.Config;
using Platform.Shared.Domain;

namespace Platform.Shared.Tests.Config;

public sealed class ConfigParserTests
{
    private static ConfigParseResult Parse(string yaml, Func<string, string?>? environment = null) =>
        ConfigParser.Parse(yaml, "test.yaml", environment ?? (_ => null));

    private static ConfigError SingleError(ConfigParseResult result)
    {
        Assert.False(result.Succeeded);
        Assert.Null(result.Document);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void Parse_DemoFile_Succeeds()
    {
        var document = ConfigTestHost.ParseDemo();

        var tenant = Assert.Single(document.Tenants);
        Assert.Equal("demo", tenant.Slug);
        Assert.Equal(3, tenant.Providers.Count);
        Assert.Equal("http://127.0.0.1:5400", tenant.Providers[0].BaseUrl);
        Assert.Contains(tenant.Models, m => m.Capabilities.HasFlag(ModelCapabilities.Embeddings));
        Assert.Equal(2, tenant.Prompts.Single().Versions.Count);
    }

    [Fact]
    public void Parse_SyntaxError_ReportsLineAndColumn()
    {
        var yaml = "version: 1\ntenants:\n  - slug: acme\n    name: [unclosed\n    providers: []\n";

        var error = SingleError(Parse(yaml));

        Assert.Contains("syntax", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.InRange(error.Location.Line, 4, 5);
        Assert.StartsWith($"test.yaml:{error.Location.Line}:", error.ToString());
    }

    [Fact]
    public void Parse_BadIndentation_ReportsLine()
    {
        var yaml = "version: 1\ntenants:\n  - slug: acme\n     name: Acme\n";

        var error = SingleError(Parse(yaml));

        Assert.Contains("syntax", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(4, error.Location.Line);
    }

    [Fact]
    public void Parse_UnknownKey_ReportsLineAndSuggestion()
    {
        var yaml = Yaml.Small.Replace("contextWindow: 128000", "contxtWindow: 128000", StringComparison.Ordinal);

        var errors = Parse(yaml).Errors;

        var (line, column) = Yaml.Find(yaml, "contxtWindow");
        var unknown = Assert.Single(errors, e => e.Message.Contains("unknown key 'contxtWindow'", StringComparison.Ordinal));
        Assert.Equal((line, column), (unknown.Location.Line, unknown.Location.Column));
        Assert.Contains("did you mean 'contextWindow'", unknown.Message, StringComparison.Ordinal);
        Assert.Equal($"test.yaml:{line}:{column}: {unknown.Message}", unknown.ToString());
    }

    [Fact]
    public void Parse_BadEnumValue_ReportsLineAndChoices()
    {
        var yaml = Yaml.Small.Replace("kind: openai-compatible", "kind: openai", StringComparison.Ordinal);

        var error = SingleError(Parse(yaml));

        Assert.Equal(Yaml.Find(yaml, "openai\n").Line, error.Location.Line);
        Assert.Contains("'openai' is not a valid kind", error.Message, StringComparison.Ordinal);
        Assert.Contains("openai-compatible", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DanglingModelReference_ReportsLineOfTheReference()
    {
        var yaml = Yaml.Small.Replace("models: [p1/small]", "models: [p1/smal]", StringComparison.Ordinal);

        var error = SingleError(Parse(yaml));

        Assert.Equal(Yaml.Find(yaml, "p1/smal]"), (error.Location.Line, error.Location.Column));
        Assert.Contains("tier 'B' refers to unknown model 'p1/smal'", error.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'p1/small'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ModelOfUnknownProvider_IsAnError()
    {
        var yaml = Yaml.Small.Replace("name: p1/small", "name: p2/small", StringComparison.Ordinal);

        var errors = Parse(yaml).Errors;

        Assert.Contains(errors, e => e.Message.Contains("unknown provider 'p2'", StringComparison.Ordinal)
            && e.Location.Line == Yaml.Find(yaml, "p2/small").Line);
    }

    [Fact]
    public void Parse_MissingEnvironmentVariable_ReportsLine()
    {
        var yaml = Yaml.Small.Replace("credential: secret-one", "credential: ${P1_KEY}", StringComparison.Ordinal);

        var error = SingleError(Parse(yaml));

        Assert.Equal(Yaml.Find(yaml, "${P1_KEY}").Line, error.Location.Line);
        Assert.Contains("P1_KEY is not set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EnvironmentVariables_AreExpandedWithDefaultsAndEscapes()
    {
        var yaml = Yaml.Small
            .Replace("baseUrl: http://127.0.0.1:5400", "baseUrl: ${SIM_URL:-http://127.0.0.1:1}", StringComparison.Ordinal)
            .Replace("credential: secret-one", "credential: ${P1_KEY}-$${LITERAL}", StringComparison.Ordinal);
        var environment = new Dictionary<string, string> { ["P1_KEY"] = "from-env" };

        var result = Parse(yaml, name => environment.GetValueOrDefault(name));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var provider = result.Document!.Tenants[0].Providers[0];
        Assert.Equal("http://127.0.0.1:1", provider.BaseUrl);
        Assert.Equal("from-env-${LITERAL}", provider.Credential);
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsEveryOneInLineOrder()
    {
        var yaml = Yaml.Small
            .Replace("baseUrl: http://127.0.0.1:5400", "baseUrl: not-a-url", StringComparison.Ordinal)
            .Replace("prices: { input: 0.1, output: 0.2 }", "prices: { input: -0.1, output: 0.2 }", StringComparison.Ordinal)
            .Replace("fallbackPolicy: standard", "fallbackPolicy: strict", StringComparison.Ordinal);

        var errors = Parse(yaml).Errors;

        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.Location.Line == Yaml.Find(yaml, "not-a-url").Line && e.Message.Contains("URL", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Location.Line == Yaml.Find(yaml, "-0.1").Line && e.Message.Contains("at least 0", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Location.Line == Yaml.Find(yaml, "strict").Line && e.Message.Contains("unknown fallback policy", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_DuplicateNameAndMissingRequiredKey_AreReported()
    {
        var yaml = Yaml.Small
            .Replace("name: B", "name: A", StringComparison.Ordinal)
            .Replace("        contextWindow: 128000\n", "", StringComparison.Ordinal);

        var errors = Parse(yaml).Errors;

        Assert.Contains(errors, e => e.Message.Contains("duplicate tier 'A'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("missing required key 'contextWindow'", StringComparison.Ordinal)
            && e.Location.Line == Yaml.Find(yaml, "name: p1/large").Line);
    }

    [Fact]
    public void Parse_DuplicateKeyInAMapping_ReportsLine()
    {
        var yaml = Yaml.Small.Replace("contextWindow: 8000", "contextWindow: 8000\n        contextWindow: 9000", StringComparison.Ordinal);

        var error = SingleError(Parse(yaml));

        Assert.Equal(Yaml.Find(yaml, "contextWindow: 9000").Line, error.Location.Line);
    }
}

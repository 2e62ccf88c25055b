using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;
using Platform.DataPlane.Chat;
using Platform.DataPlane.Configuration;
using Platform.DataPlane.Prompts;
using Platform.DataPlane.Protocols;

namespace Platform.DataPlane.Tests.Prompts;

public sealed class PromptRendererTests
{
    private const string V1Messages = """[{"role":"system","content":"You summarise tickets."},{"role":"user","content":"Summarise: {{ticket}}"}]""";
    private const string V2Messages = """[{"role":"system","content":"For {{ product }} agents."},{"role":"user","content":"Ticket:\n{{ticket}} ({{ticket}})"}]""";
    private const string Schema = """{"type":"object","properties":{"summary":{"type":"string"}}}""";

    private static TenantPolicy Tenant() => new()
    {
        TenantId = Guid.NewGuid(),
        Slug = "t",
        ConfigVersion = 1,
        Providers = FrozenDictionary<string, ProviderPolicy>.Empty,
        Models = FrozenDictionary<string, ModelPolicy>.Empty,
        Tiers = FrozenDictionary<string, TierPolicy>.Empty,
        Routes = FrozenDictionary<string, RoutePolicy>.Empty,
        Prompts = new Dictionary<string, PromptPolicy>
        {
            ["support-summary"] = new(
                "support-summary",
                new Dictionary<int, PromptVersionPolicy>
                {
                    [1] = new(1, V1Messages, ["ticket"], """{"temperature":0.2,"max_tokens":300}""", null),
                    [2] = new(2, V2Messages, ["product", "ticket"], """{"temperature":0.1,"top_p":0.9,"max_tokens":400}""", Schema),
                }.ToFrozenDictionary(),
                new Dictionary<string, int> { ["production"] = 1, ["staging"] = 2 }.ToFrozenDictionary()),
        }.ToFrozenDictionary(),
    };

    private static ChatRequest Request(Dictionary<string, string>? metadata = null, params ChatMessage[] messages) => new()
    {
        Model = "oa/gpt",
        Messages = messages,
        Metadata = metadata ?? [],
    };

    private static ChatMessage User(string text) => new() { Role = ChatRole.User, Content = [ContentPart.FromText(text)] };

    [Fact]
    public void Apply_ProductionLabel_RendersVariablesBeforeCallerMessages()
    {
        var request = Request(new() { ["prompt.ticket"] = "printer on fire" }, User("Be brief."));

        var rendered = PromptRenderer.Apply(request, Tenant(), new PromptSelection("support-summary", "production", null));

        Assert.Equal(1, rendered.Version);
        Assert.Equal("production", rendered.Label);
        Assert.Equal("support-summary", rendered.Name);
        var messages = rendered.Request.Messages;
        Assert.Equal(3, messages.Count);
        Assert.Equal(ChatRole.System, messages[0].Role);
        Assert.Equal("You summarise tickets.", messages[0].Text);
        Assert.Equal(ChatRole.User, messages[1].Role);
        Assert.Equal("Summarise: printer on fire", messages[1].Text);
        Assert.Equal("Be brief.", messages[2].Text);
    }

    [Fact]
    public void Apply_VariableWithBracesAndQuotes_InsertedVerbatimNotReinterpreted()
    {
        var request = Request(new() { ["prompt.ticket"] = "\"}] {{ticket}} \\n" }, User("x"));

        var rendered = PromptRenderer.Apply(request, Tenant(), new PromptSelection("support-summary", "production", null));

        Assert.Equal("Summarise: \"}] {{ticket}} \\n", rendered.Request.Messages[1].Text);
    }

    [Fact]
    public void Apply_PinnedVersion_WinsAndRecordsNoLabel()
    {
        var request = Request(new() { ["prompt.ticket"] = "T-1", ["prompt.product"] = "Acme" }, User("x"));

        var rendered = PromptRenderer.Apply(request, Tenant(), new PromptSelection("support-summary", null, 2));

        Assert.Equal(2, rendered.Version);
        Assert.Null(rendered.Label);
        Assert.Equal("For Acme agents.", rendered.Request.Messages[0].Text);
        Assert.Equal("Ticket:\nT-1 (T-1)", rendered.Request.Messages[1].Text);
    }

    [Fact]
    public void Read_VersionAndLabelHeaders_VersionWins()
    {
        var headers = new HeaderDictionary
        {
            [PromptHeaders.NameHeader] = "support-summary",
            [PromptHeaders.LabelHeader] = "staging",
            [PromptHeaders.VersionHeader] = "1",
        };

        var selection = PromptHeaders.Read(headers, null);

        Assert.Equal(new PromptSelection("support-summary", null, 1), selection);
    }

    [Fact]
    public void Read_NoHeaders_RouteBindingOrNothing()
    {
        var route = new RoutePolicy { Name = "r", Candidates = [], PromptName = "support-summary", PromptLabel = "staging" };

        Assert.Null(PromptHeaders.Read(new HeaderDictionary(), null));
        Assert.Equal(new PromptSelection("support-summary", "staging", null), PromptHeaders.Read(new HeaderDictionary(), route));
        Assert.Equal(
            new PromptSelection("other", "production", null),
            PromptHeaders.Read(new HeaderDictionary { [PromptHeaders.NameHeader] = "other" }, route));
    }

    [Fact]
    public void Read_BadVersion_Throws()
    {
        var headers = new HeaderDictionary { [PromptHeaders.NameHeader] = "p", [PromptHeaders.VersionHeader] = "v2" };

        var error = Assert.Throws<ClientRequestException>(() => PromptHeaders.Read(headers, null));

        Assert.Equal(PromptHeaders.VersionHeader, error.Param);
    }

    [Fact]
    public void Apply_MissingVariable_ThrowsNamingIt()
    {
        var request = Request(new() { ["prompt.ticket"] = "T-1" }, User("x"));

        var error = Assert.Throws<ClientRequestException>(() =>
            PromptRenderer.Apply(request, Tenant(), new PromptSelection("support-summary", "staging", null)));

        Assert.Contains("'product'", error.Message, StringComparison.Ordinal);
        Assert.Equal("metadata.prompt.product", error.Param);
        Assert.Equal(ClientErrorCodes.MissingParameter, error.Code);
    }

    [Theory]
    [InlineData("nope", "production", null)]
    [InlineData("support-summary", "canary", null)]
    [InlineData("support-summary", null, 9)]
    public void Apply_UnknownPromptLabelOrVersion_PromptNotFound(string name, string? label, int? version)
    {
        var error = Assert.Throws<ClientRequestException>(() =>
            PromptRenderer.Apply(Request(null, User("x")), Tenant(), new PromptSelection(name, label, version)));

        Assert.Equal(PromptRenderer.NotFoundCode, error.Code);
    }

    [Fact]
    public void Apply_CallerParameters_WinOverVersionDefaults()
    {
        var request = Request(new() { ["prompt.ticket"] = "T", ["prompt.product"] = "P" }, User("x")) with { Temperature = 0.7, MaxTokens = 50 };

        var rendered = PromptRenderer.Apply(request, Tenant(), new PromptSelection("support-summary", null, 2)).Request;

        Assert.Equal(0.7, rendered.Temperature);
        Assert.Equal(50, rendered.MaxTokens);
        Assert.Equal(0.9, rendered.TopP);
    }

    [Fact]
    public void Apply_NoCallerParameters_VersionDefaultsApply()
    {
        var rendered = PromptRenderer.Apply(
            Request(new() { ["prompt.ticket"] = "T" }, User("x")), Tenant(), new PromptSelection("support-summary", "production", null)).Request;

        Assert.Equal(0.2, rendered.Temperature);
        Assert.Equal(300, rendered.MaxTokens);
        Assert.Null(rendered.TopP);
        Assert.Null(rendered.ResponseFormat);
    }

    [Fact]
    public void Apply_VersionWithSchema_BecomesJsonSchemaUnlessCallerSetFormat()
    {
        var request = Request(new() { ["prompt.ticket"] = "T", ["prompt.product"] = "P" }, User("x"));
        var selection = new PromptSelection("support-summary", "staging", null);

        var withSchema = PromptRenderer.Apply(request, Tenant(), selection).Request;
        var callerFormat = PromptRenderer.Apply(request with { ResponseFormat = new ResponseFormat(ResponseFormatKind.JsonObject) }, Tenant(), selection).Request;

        Assert.Equal(ResponseFormatKind.JsonSchema, withSchema.ResponseFormat?.Kind);
        Assert.Equal(Schema, withSchema.ResponseFormat?.SchemaJson);
        Assert.Equal("support-summary", withSchema.ResponseFormat?.SchemaName);
        Assert.Equal(ResponseFormatKind.JsonObject, callerFormat.ResponseFormat?.Kind);
    }
}

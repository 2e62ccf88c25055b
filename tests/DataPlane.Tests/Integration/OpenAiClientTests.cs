using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text;
using System.Text.Json;
using OpenAI;
using OpenAI.Chat;

namespace Platform.DataPlane.Tests.Integration;

/// <summary>The official OpenAI .NET client (2.x) against the gateway, whatever provider serves the model.</summary>
[Collection(DataPlaneCollection.Name)]
public sealed class OpenAiClientTests(DataPlaneFixture fixture)
{
    public static TheoryData<string> AllModels => ["oa/gpt", "an/claude", "ge/gemini"];

    [Theory]
    [MemberData(nameof(AllModels))]
    public async Task CompleteChat_OfficialClient_ReturnsAssistantText(string model)
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard());
        var client = CreateClient(model, tenant.Key);

        ChatCompletion completion = await client.CompleteChatAsync(
            [new SystemChatMessage("Be brief."), new UserChatMessage("Hello there")],
            new ChatCompletionOptions { MaxOutputTokenCount = 200, Temperature = 0.2f });

        Assert.Equal(ChatMessageRole.Assistant, completion.Role);
        Assert.Equal(ChatFinishReason.Stop, completion.FinishReason);
        Assert.False(string.IsNullOrWhiteSpace(completion.Content[0].Text));
        Assert.True(completion.Usage.InputTokenCount > 0);
        Assert.True(completion.Usage.OutputTokenCount > 0);
    }

    [Theory]
    [MemberData(nameof(AllModels))]
    public async Task CompleteChatStreaming_OfficialClient_StreamsTextAndFinishes(string model)
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard());
        var client = CreateClient(model, tenant.Key);

        var text = new StringBuilder();
        ChatFinishReason? finish = null;
        ChatTokenUsage? usage = null;
        await foreach (var update in client.CompleteChatStreamingAsync([new UserChatMessage("Hello there")]))
        {
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
            }

            finish ??= update.FinishReason;
            usage ??= update.Usage;
        }

        Assert.False(string.IsNullOrWhiteSpace(text.ToString()));
        Assert.Equal(ChatFinishReason.Stop, finish);
        Assert.NotNull(usage);
        Assert.True(usage.OutputTokenCount > 0);
    }

    [Theory]
    [MemberData(nameof(AllModels))]
    public async Task CompleteChat_OfficialClientWithTool_ReturnsToolCall(string model)
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard());
        var client = CreateClient(model, tenant.Key);
        var options = new ChatCompletionOptions
        {
            Tools =
            {
                ChatTool.CreateFunctionTool("get_weather", "Weather for a city", BinaryData.FromString(
                    """{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""")),
            },
        };

        ChatCompletion completion = await client.CompleteChatAsync([new UserChatMessage("Weather in Paris?")], options);

        Assert.Equal(ChatFinishReason.ToolCalls, completion.FinishReason);
        var call = Assert.Single(completion.ToolCalls);
        Assert.Equal("get_weather", call.FunctionName);
        Assert.False(string.IsNullOrEmpty(call.Id));
        using var arguments = JsonDocument.Parse(call.FunctionArguments.ToString());
        Assert.Equal("sample", arguments.RootElement.GetProperty("city").GetString());

        ChatCompletion answer = await client.CompleteChatAsync(
            [new UserChatMessage("Weather in Paris?"), new AssistantChatMessage(completion), new ToolChatMessage(call.Id, "rain-all-day")],
            options);

        Assert.Equal(ChatFinishReason.Stop, answer.FinishReason);
        Assert.Contains("rain-all-day", answer.Content[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompleteChat_OfficialClientWrongKey_ThrowsWith401()
    {
        var client = CreateClient("oa/gpt", "plt_not_a_real_key_000000000000");

        var error = await Assert.ThrowsAsync<ClientResultException>(() => client.CompleteChatAsync([new UserChatMessage("Hello")]));

        Assert.Equal(401, error.Status);
    }

    private ChatClient CreateClient(string model, string key) =>
        new(model, new ApiKeyCredential(key), new OpenAIClientOptions
        {
            Endpoint = new Uri(fixture.Client.BaseAddress!, "/v1"),
            Transport = new HttpClientPipelineTransport(fixture.Host.CreateClient()),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        });
}

using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Platform.Simulator.Scripting;
using Platform.Simulator.Text;

namespace Platform.Simulator.Chat;

/// <summary>Decides what the simulated model says: a tool call, JSON, or deterministic text.</summary>
internal sealed class ReplyPlanner(TimeProvider time)
{
    private long _sequence;

    public ChatReply Plan(ChatRequest request, EffectiveScript script, IChatDialect dialect)
    {
        var seed = Fnv.Hash(request.Model, request.LastText);
        var id = NewId(dialect.IdPrefix, seed);
        var created = time.GetUtcNow().ToUnixTimeSeconds();
        var promptTokens = request.PromptTokens;
        var cachedTokens = Math.Clamp(script.CachedTokens, 0, promptTokens);

        if (ChooseTool(request) is { } tool)
        {
            var arguments = SchemaSampler.SampleObject(tool.Parameters);
            return new ChatReply
            {
                Id = id,
                Created = created,
                ToolCall = new ToolCall(NewId(dialect.ToolCallIdPrefix, seed), tool.Name, arguments),
                Finish = FinishReason.ToolCalls,
                PromptTokens = promptTokens,
                CompletionTokens = TokenMath.Text(tool.Name.Length + arguments.Length),
                CachedTokens = cachedTokens,
            };
        }

        var text = request.LastTurn == LastTurn.ToolResult
            ? ReplyText.ForToolResult(seed, request.LastText)
            : ReplyText.Generate(seed);
        text = request.JsonMode switch
        {
            JsonMode.AnyObject => AnswerObject(text),
            JsonMode.Schema => SchemaSampler.SampleValue(request.JsonSchema),
            _ => text,
        };

        var completionTokens = TokenMath.Text(text.Length);
        var finish = FinishReason.Stop;
        if (request.MaxTokens is { } maxTokens && completionTokens > maxTokens)
        {
            text = text[..Math.Min(text.Length, maxTokens * TokenMath.CharsPerToken)];
            completionTokens = maxTokens;
            finish = FinishReason.Length;
        }

        return new ChatReply
        {
            Id = id,
            Created = created,
            Text = text,
            Finish = finish,
            PromptTokens = promptTokens,
            CompletionTokens = completionTokens,
            CachedTokens = cachedTokens,
        };
    }

    /// <summary>The answer to a filtered prompt, for dialects that report it inside a 200.</summary>
    public ChatReply Refusal(ChatRequest request, IChatDialect dialect) => new()
    {
        Id = NewId(dialect.IdPrefix, Fnv.Hash(request.Model, request.LastText)),
        Created = time.GetUtcNow().ToUnixTimeSeconds(),
        Finish = FinishReason.ContentFilter,
        PromptTokens = request.PromptTokens,
    };

    private static ToolDefinition? ChooseTool(ChatRequest request)
    {
        if (request.Tools is not { Count: > 0 } tools || request.ToolMode == ToolMode.None || request.LastTurn != LastTurn.UserText)
        {
            return null;
        }

        if (request.ToolMode == ToolMode.Forced)
        {
            foreach (var tool in tools)
            {
                if (tool.Name == request.ForcedTool)
                {
                    return tool;
                }
            }
        }

        return tools[0];
    }

    private static string AnswerObject(string text)
    {
        var encoded = JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        return string.Concat("{\"answer\":\"", encoded.ToString(), "\"}");
    }

    private string NewId(string prefix, ulong seed)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}{sequence:x8}{seed:x16}");
    }
}

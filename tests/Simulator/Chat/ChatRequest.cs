using System.Text.Json;
using Platform.Simulator.Text;

namespace Platform.Simulator.Chat;

/// <summary>A chat request of any wire format, reduced to what the simulator answers from.</summary>
internal sealed class ChatRequest
{
    public required string Model { get; init; }

    public bool Stream { get; set; }

    /// <summary>Gemini <c>streamGenerateContent</c> without <c>alt=sse</c>: a streamed JSON array.</summary>
    public bool JsonArrayStream { get; set; }

    /// <summary>OpenAI <c>stream_options.include_usage</c>.</summary>
    public bool IncludeUsage { get; set; }

    public int? MaxTokens { get; set; }

    public int PromptChars { get; private set; }

    public int MessageCount { get; private set; }

    public int ToolChars { get; set; }

    public LastTurn LastTurn { get; private set; }

    /// <summary>Text of the last message: the user's words, or the tool's result.</summary>
    public string LastText { get; private set; } = "";

    public List<ToolDefinition>? Tools { get; set; }

    public ToolMode ToolMode { get; set; }

    public string? ForcedTool { get; set; }

    public JsonMode JsonMode { get; set; }

    public JsonElement JsonSchema { get; set; }

    public int PromptTokens => TokenMath.Prompt(PromptChars, MessageCount, ToolChars);

    /// <summary>Counts text that is part of the prompt but not a message of its own (tool calls, tool results).</summary>
    public void AddPromptChars(int chars) => PromptChars += chars;

    public void AddMessage(int chars, LastTurn turn, string text)
    {
        PromptChars += chars;
        MessageCount++;
        LastTurn = turn;
        LastText = text;
    }

    public void AddTool(ToolDefinition tool) => (Tools ??= []).Add(tool);
}

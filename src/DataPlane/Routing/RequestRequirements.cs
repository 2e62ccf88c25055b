using Platform.DataPlane.Chat;
using Platform.Shared.Domain;
using Platform.Shared.Routing;

namespace Platform.DataPlane.Routing;

/// <summary>
/// What one request needs from a model, computed once before selection and reused by the
/// executor (for example to pick a larger-context fallback).
/// </summary>
internal readonly record struct RequestRequirements
{
    /// <summary>Output tokens assumed when the caller sets no max (the rule is shared with the control plane's dry run).</summary>
    public const int DefaultOutputTokens = CandidateDemand.DefaultOutputTokens;

    public int EstimatedInputTokens { get; init; }

    /// <summary>The caller's <c>max_tokens</c>, when set; 0 for embeddings, which produce none.</summary>
    public int? MaxOutputTokens { get; init; }

    public bool NeedsTools { get; init; }

    public bool NeedsJsonSchema { get; init; }

    public bool NeedsStreaming { get; init; }

    public bool NeedsVision { get; init; }

    public bool NeedsEmbeddings { get; init; }

    public string? Region { get; init; }

    public Sensitivity Sensitivity { get; init; }

    public bool CustomerFacing { get; init; }

    public int? MaxLatencyMs { get; init; }

    /// <summary>Output tokens to plan for: the caller's max, none for embeddings, else <see cref="DefaultOutputTokens"/>.</summary>
    public int ExpectedOutputTokens => CandidateDemand.ExpectedOutputTokens(MaxOutputTokens, NeedsEmbeddings);

    /// <summary>What must fit in the context window: input plus the expected output.</summary>
    public long ContextTokens => (long)Math.Max(EstimatedInputTokens, 0) + Math.Max(ExpectedOutputTokens, 0);

    public static RequestRequirements ForChat(ChatRequest request, int estimatedInputTokens, in CallConstraints call)
    {
        ArgumentNullException.ThrowIfNull(request);
        var needsTools = request.Tools.Count > 0;
        var needsVision = false;
        for (var i = 0; i < request.Messages.Count; i++)
        {
            var message = request.Messages[i];

            // A conversation that already holds tool calls or results needs a model that can read them.
            needsTools |= message.ToolCalls.Count > 0 || message.Role == ChatRole.Tool;
            for (var j = 0; j < message.Content.Count && !needsVision; j++)
            {
                needsVision = message.Content[j].Kind == ContentPartKind.ImageUrl;
            }
        }

        return new RequestRequirements
        {
            EstimatedInputTokens = estimatedInputTokens,
            MaxOutputTokens = request.MaxTokens,
            NeedsTools = needsTools,
            NeedsJsonSchema = request.ResponseFormat?.Kind == ResponseFormatKind.JsonSchema,
            NeedsStreaming = request.Stream,
            NeedsVision = needsVision,
            Region = call.Region,
            Sensitivity = call.Sensitivity,
            CustomerFacing = call.CustomerFacing,
            MaxLatencyMs = call.MaxLatencyMs,
        };
    }

    public static RequestRequirements ForEmbeddings(int estimatedInputTokens, in CallConstraints call) => new()
    {
        EstimatedInputTokens = estimatedInputTokens,
        MaxOutputTokens = 0,
        NeedsEmbeddings = true,
        Region = call.Region,
        Sensitivity = call.Sensitivity,
        CustomerFacing = call.CustomerFacing,
        MaxLatencyMs = call.MaxLatencyMs,
    };
}

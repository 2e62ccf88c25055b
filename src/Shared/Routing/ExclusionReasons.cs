namespace Platform.Shared.Routing;

/// <summary>Reason codes (as the dry run, usage records and errors show them) and their wording.</summary>
public static class ExclusionReasons
{
    /// <summary>Reasons that say "not right now" rather than "never for this request": they make a 503, not a 400.</summary>
    public const ExclusionReason Availability = ExclusionReason.Disabled | ExclusionReason.TooSlow | ExclusionReason.CircuitOpen;

    private const int Count = 14;

    private static readonly string[] Codes =
    [
        "disabled", "not_allowed_for_key", "region", "private_only", "not_customer_approved", "embeddings",
        "streaming", "tools", "json_schema", "vision", "context_window", "max_output_tokens", "too_slow", "circuit_open",
    ];

    /// <summary>What every candidate would need, completing "no candidate of route 'x' …".</summary>
    private static readonly string[] Requirements =
    [
        "is enabled", "is allowed for this API key", "is in the required region", "is private or in the required region",
        "is approved for customer-facing traffic", "supports embeddings", "supports streaming", "supports tools",
        "supports json_schema response format", "supports image input", "has a large enough context window",
        "allows the requested max_tokens", "is within the requested max latency", "is healthy (all circuits are open)",
    ];

    /// <summary>The same, said of one model: "model 'x' …".</summary>
    private static readonly string[] Failures =
    [
        "is disabled", "is not allowed for this API key", "is not in the required region", "is neither private nor in the required region",
        "is not approved for customer-facing traffic", "does not support embeddings", "does not support streaming", "does not support tools",
        "does not support json_schema response format", "does not support image input", "has too small a context window",
        "does not allow the requested max_tokens", "is slower than the requested max latency", "is unavailable (circuit open)",
    ];

    public static string Code(ExclusionReason reason) => Codes[Index(reason)];

    public static string Requirement(ExclusionReason reason) => Requirements[Index(reason)];

    public static string Failure(ExclusionReason reason) => Failures[Index(reason)];

    /// <summary>The first reason in declaration order, <see cref="ExclusionReason.None"/> for none.</summary>
    public static ExclusionReason First(ExclusionReason reasons) =>
        reasons == ExclusionReason.None ? ExclusionReason.None : (ExclusionReason)((int)reasons & -(int)reasons);

    /// <summary>All codes of a set, in declaration order (allocates; for dry runs and messages).</summary>
    public static IReadOnlyList<string> CodesOf(ExclusionReason reasons)
    {
        var codes = new List<string>(2);
        for (var i = 0; i < Count; i++)
        {
            if (((int)reasons & (1 << i)) != 0)
            {
                codes.Add(Codes[i]);
            }
        }

        return codes;
    }

    private static int Index(ExclusionReason reason) => System.Numerics.BitOperations.TrailingZeroCount((int)First(reason));
}

namespace Platform.Simulator.Faults;

/// <summary>An error to answer with; token counts feed the context-length messages.</summary>
internal readonly record struct SimulatedError(ErrorKind Kind, string? Detail = null, int PromptTokens = 0, int Limit = 0)
{
    /// <summary>Context window claimed by a <c>context-length</c> fault on a model without a scripted one.</summary>
    public const int DefaultContextWindow = 128_000;

    public static SimulatedError ForFault(SimulatorFault fault, int promptTokens, int? contextWindow)
    {
        var kind = fault switch
        {
            SimulatorFault.InternalServerError => ErrorKind.InternalError,
            SimulatorFault.BadGateway => ErrorKind.BadGateway,
            SimulatorFault.ServiceUnavailable => ErrorKind.Unavailable,
            SimulatorFault.RateLimited => ErrorKind.RateLimited,
            SimulatorFault.Overloaded => ErrorKind.Overloaded,
            SimulatorFault.ContextLength => ErrorKind.ContextLength,
            SimulatorFault.ContentFilter => ErrorKind.ContentFilter,
            SimulatorFault.Auth => ErrorKind.Unauthorized,
            _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, "Not an error-status fault."),
        };
        var limit = contextWindow ?? DefaultContextWindow;
        return new SimulatedError(kind, PromptTokens: Math.Max(promptTokens, limit + 1), Limit: limit);
    }
}

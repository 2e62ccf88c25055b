namespace Platform.Simulator;

/// <summary>Wire names of <see cref="SimulatorFault"/>, as used by <c>x-sim-fault</c> and the control API.</summary>
public static class SimulatorFaults
{
    public static IReadOnlyList<string> Names { get; } =
    [
        "500", "502", "503", "429", "overloaded", "hang", "reset", "malformed", "stream-break",
        "context-length", "content-filter", "auth",
    ];

    public static bool TryParse(string? value, out SimulatorFault fault)
    {
        fault = value?.Trim().ToLowerInvariant() switch
        {
            "none" or "" => SimulatorFault.None,
            "500" => SimulatorFault.InternalServerError,
            "502" => SimulatorFault.BadGateway,
            "503" => SimulatorFault.ServiceUnavailable,
            "429" => SimulatorFault.RateLimited,
            "overloaded" => SimulatorFault.Overloaded,
            "hang" => SimulatorFault.Hang,
            "reset" => SimulatorFault.Reset,
            "malformed" => SimulatorFault.Malformed,
            "stream-break" => SimulatorFault.StreamBreak,
            "context-length" => SimulatorFault.ContextLength,
            "content-filter" => SimulatorFault.ContentFilter,
            "auth" => SimulatorFault.Auth,
            _ => (SimulatorFault)(-1),
        };
        return fault >= SimulatorFault.None;
    }

    public static string ToWireName(this SimulatorFault fault) => fault switch
    {
        SimulatorFault.None => "none",
        SimulatorFault.InternalServerError => "500",
        SimulatorFault.BadGateway => "502",
        SimulatorFault.ServiceUnavailable => "503",
        SimulatorFault.RateLimited => "429",
        SimulatorFault.Overloaded => "overloaded",
        SimulatorFault.Hang => "hang",
        SimulatorFault.Reset => "reset",
        SimulatorFault.Malformed => "malformed",
        SimulatorFault.StreamBreak => "stream-break",
        SimulatorFault.ContextLength => "context-length",
        SimulatorFault.ContentFilter => "content-filter",
        SimulatorFault.Auth => "auth",
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, null),
    };
}

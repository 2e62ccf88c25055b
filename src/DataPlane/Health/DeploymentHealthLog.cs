using Microsoft.Extensions.Logging;

namespace Platform.DataPlane.Health;

/// <summary>Breaker transitions, for on-call: which deployment stopped taking traffic and why.</summary>
internal static partial class DeploymentHealthLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Circuit opened for {Model} for {BreakDuration} after {Cause}")]
    public static partial void CircuitOpened(this ILogger logger, string model, TimeSpan breakDuration, string cause);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Circuit half-open for {Model}; letting one probe through")]
    public static partial void CircuitHalfOpened(this ILogger logger, string model);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Circuit closed for {Model}")]
    public static partial void CircuitClosed(this ILogger logger, string model);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Circuit for {Model} rebuilt with new breaker settings; its history starts over")]
    public static partial void CircuitRebuilt(this ILogger logger, string model);
}

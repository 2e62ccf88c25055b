namespace Platform.DataPlane.Recording;

/// <summary>The usage writer's log messages.</summary>
internal sealed partial class UsageWriter
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Usage writer started; spool {Directory}, segments waiting: {Pending}; journal {Journal}, events to recover: {Leftover}.")]
    private static partial void LogStarted(ILogger logger, string directory, bool pending, string journal, int leftover);

    [LoggerMessage(Level = LogLevel.Information, Message = "Usage writer stopped: {Written} written, {Spooled} spooled, {Replayed} replayed, {Recovered} recovered from the journal.")]
    private static partial void LogStopped(ILogger logger, long written, long spooled, long replayed, long recovered);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} usage events failed ({Error}); spooling to disk, database tried again every {Seconds} s.")]
    private static partial void LogDatabaseDown(ILogger logger, int count, string error, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "The database takes usage events again.")]
    private static partial void LogDatabaseBack(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Spooling {Count} usage events failed ({Error}: {Reason}); kept in memory.")]
    private static partial void LogSpoolFailed(ILogger logger, int count, string error, string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Shutting down with {Count} usage events neither written nor spooled; {NotJournaled} of them are not in the journal either and are lost.")]
    private static partial void LogNotHandedOver(ILogger logger, int count, int notJournaled);

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Count} usage events lost: the channel ({Capacity} events) was full and they were not in the journal.")]
    private static partial void LogDropped(ILogger logger, long count, int capacity);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recovered {Count} usage events from the journal ({Unreadable} unreadable entries skipped).")]
    private static partial void LogRecovered(ILogger logger, int count, int unreadable);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped {Count} unreadable lines (a write torn by a crash) in {Segment}.")]
    private static partial void LogSkippedLines(ILogger logger, int count, string segment);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replayed {Count} usage events from {Segment}.")]
    private static partial void LogSegmentReplayed(ILogger logger, int count, string segment);

    [LoggerMessage(Level = LogLevel.Information, Message = "Spool replay finished: {Count} usage events.")]
    private static partial void LogReplayed(ILogger logger, int count);
}

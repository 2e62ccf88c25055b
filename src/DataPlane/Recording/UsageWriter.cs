using Microsoft.EntityFrameworkCore;
using Platform.Shared.Data;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Recording;

/// <summary>
/// Drains <see cref="UsageChannel"/> in batches (up to <see cref="BatchSize"/> events or
/// <see cref="BatchWindow"/>), one context per tenant so isolation holds on writes too. A batch the
/// database refuses or does not commit within <see cref="WriteTimeout"/> goes to the
/// <see cref="UsageSpool"/>, and so does every batch after it until a probe (every
/// <see cref="ProbeInterval"/>) succeeds; then the spool is replayed, oldest segment first,
/// idempotently by event id. Start-up replays what a previous process left; shutdown drains the
/// channel to the database, or to the spool if the database is down.
/// </summary>
internal sealed partial class UsageWriter(
    UsageChannel channel,
    UsageSpool spool,
    PlatformDbContextFactory contexts,
    TimeProvider time,
    ILogger<UsageWriter> logger) : BackgroundService
{
    public const int BatchSize = 500;
    private static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(200);

    // Bounds the wait for an event when idle, so overflow and replay are looked at even then.
    private static readonly TimeSpan IdleTick = TimeSpan.FromSeconds(1);

    private long _written;
    private long _spooled;
    private long _replayed;
    private DateTimeOffset? _downUntil;
    private bool _spoolPending;

    /// <summary>A write slower than this counts as a failure; the batch is spooled.</summary>
    public TimeSpan WriteTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the database is left alone after a failure before it is tried again.</summary>
    public TimeSpan ProbeInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Events written to the database straight from the channel.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Events appended to the spool.</summary>
    public long Spooled => Interlocked.Read(ref _spooled);

    /// <summary>Events read back from the spool and committed (or found already committed).</summary>
    public long Replayed => Interlocked.Read(ref _replayed);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        DedicatedThread.RunAsync("usage-writer", () => RunAsync(stoppingToken));

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        // Start-up replay reads files; let the host finish starting first.
        await Task.Yield();
        _spoolPending = spool.HasSegments;
        LogStarted(logger, spool.Directory, _spoolPending);
        var batch = new List<UsageEvent>(BatchSize);
        try
        {
            await ReplayAsync(stoppingToken);
            while (await WaitAsync(stoppingToken))
            {
                await FillAsync(batch, stoppingToken);
                await FlushAsync(batch, stoppingToken);
                await ReplayAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: drain below.
        }

        await DrainAsync(batch);
        spool.Seal();
        LogStopped(logger, Written, Spooled, Replayed);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // A host stopped right after starting cancels ExecuteAsync before it runs, and events can
        // arrive after it drained; either way nothing else will write them.
        if (ExecuteTask is null or { IsCompleted: true } && (channel.Reader.TryPeek(out _) || channel.HasOverflow))
        {
            await DrainAsync(new List<UsageEvent>(BatchSize));
            spool.Seal();
        }
    }

    private bool ProbeDue => _downUntil is not { } until || time.GetUtcNow() >= until;

    private async Task<bool> WaitAsync(CancellationToken ct)
    {
        if (channel.Reader.TryPeek(out _) || channel.HasOverflow)
        {
            return true;
        }

        using var tick = CancellationTokenSource.CreateLinkedTokenSource(ct);
        tick.CancelAfter(IdleTick);
        try
        {
            return await channel.Reader.WaitToReadAsync(tick.Token) || channel.HasOverflow;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return true;
        }
    }

    /// <summary>
    /// Takes what is queued, waits out the rest of the batch window once, and takes again. The
    /// writer wakes twice per batch, not once per event: under load a wake-up per event cost more
    /// CPU (lock hand-offs, thread switches) than the request path itself (bench/README.md).
    /// </summary>
    private async Task FillAsync(List<UsageEvent> batch, CancellationToken ct)
    {
        TakeOverflow(batch);
        Drain(batch);
        if (batch.Count < BatchSize)
        {
            await Task.Delay(BatchWindow, time, ct);
            TakeOverflow(batch);
            Drain(batch);
        }
    }

    private void Drain(List<UsageEvent> batch)
    {
        while (batch.Count < BatchSize && channel.Reader.TryRead(out var usage))
        {
            batch.Add(usage);
        }
    }

    private void TakeOverflow(List<UsageEvent> batch)
    {
        while (batch.Count < BatchSize && channel.TryTakeOverflow(out var usage))
        {
            batch.Add(usage);
        }
    }

    /// <summary>To the database if it is believed up (or a probe is due), else, or on failure, to the spool.</summary>
    private async Task FlushAsync(List<UsageEvent> batch, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return;
        }

        if (ProbeDue && await TryWriteAsync(batch, ct))
        {
            Interlocked.Add(ref _written, batch.Count);
            batch.Clear();
            return;
        }

        try
        {
            spool.Append(batch);
            Interlocked.Add(ref _spooled, batch.Count);
            _spoolPending = true;
            batch.Clear();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Neither the database nor the disk: keep the batch in memory and try both again later.
            LogSpoolFailed(logger, batch.Count, ex.GetType().Name, ex.Message);
            await Task.Delay(ProbeInterval, time, ct);
        }
    }

    private async Task ReplayAsync(CancellationToken ct)
    {
        if (!_spoolPending || !ProbeDue)
        {
            return;
        }

        var replayed = 0;
        foreach (var segment in spool.Seal())
        {
            var read = UsageSpool.Read(segment);
            if (read.Skipped > 0)
            {
                LogSkippedLines(logger, read.Skipped, segment);
            }

            foreach (var chunk in read.Events.Chunk(BatchSize))
            {
                if (!await TryWriteAsync([.. chunk.Select(e => e.ToEntity())], ct))
                {
                    return;
                }
            }

            // Only now is every event of the segment committed.
            spool.Delete(segment);
            replayed += read.Events.Count;
            Interlocked.Add(ref _replayed, read.Events.Count);
            LogSegmentReplayed(logger, read.Events.Count, segment);
        }

        _spoolPending = false;
        LogReplayed(logger, replayed);
    }

    private async Task DrainAsync(List<UsageEvent> batch)
    {
        TakeOverflow(batch);
        while (batch.Count > 0 || channel.Reader.TryPeek(out _) || channel.HasOverflow)
        {
            while (batch.Count < BatchSize && channel.Reader.TryRead(out var usage))
            {
                batch.Add(usage);
            }

            TakeOverflow(batch);
            await FlushAsync(batch, CancellationToken.None);
            if (batch.Count > 0)
            {
                // Neither the database nor the disk took it, and the host is going away.
                LogLost(logger, batch.Count);
                return;
            }
        }
    }

    private async Task<bool> TryWriteAsync(List<UsageEvent> batch, CancellationToken ct)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(WriteTimeout);
            // WaitAsync as well: a provider that ignores cancellation must not hold the writer.
            await WriteAsync(batch, timeout.Token).WaitAsync(WriteTimeout, time, ct);
            if (_downUntil is not null)
            {
                _downUntil = null;
                LogDatabaseBack(logger);
            }

            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            if (_downUntil is null)
            {
                LogDatabaseDown(logger, batch.Count, ex.GetType().Name, ProbeInterval.TotalSeconds);
            }

            _downUntil = time.GetUtcNow() + ProbeInterval;
            return false;
        }
    }

    private async Task WriteAsync(List<UsageEvent> batch, CancellationToken ct)
    {
        foreach (var tenant in batch.GroupBy(e => e.TenantId))
        {
            try
            {
                await InsertAsync(tenant.Key, [.. tenant], ct);
            }
            catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException)
            {
                // Idempotent: a batch spooled after a timeout that did commit, or a segment
                // replayed twice, hits the primary key; insert only the events not there yet.
                // Checked only on this path: the lookup costs more than the insert it guards.
                var ids = tenant.Select(e => e.Id).ToList();
                await using var db = contexts.Create(tenant.Key);
                var existing = (await db.UsageEvents.AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct)).ToHashSet();
                await InsertAsync(tenant.Key, [.. tenant.Where(e => !existing.Contains(e.Id))], ct);
            }
        }
    }

    private async Task InsertAsync(Guid tenantId, List<UsageEvent> events, CancellationToken ct)
    {
        if (events.Count == 0)
        {
            return;
        }

        await using var db = contexts.Create(tenantId);
        await UsageInserter.InsertAsync(db, events, ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Usage writer started; spool {Directory}, segments waiting: {Pending}.")]
    private static partial void LogStarted(ILogger logger, string directory, bool pending);

    [LoggerMessage(Level = LogLevel.Information, Message = "Usage writer stopped: {Written} written, {Spooled} spooled, {Replayed} replayed.")]
    private static partial void LogStopped(ILogger logger, long written, long spooled, long replayed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} usage events failed ({Error}); spooling to disk, database tried again every {Seconds} s.")]
    private static partial void LogDatabaseDown(ILogger logger, int count, string error, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "The database takes usage events again.")]
    private static partial void LogDatabaseBack(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Spooling {Count} usage events failed ({Error}: {Reason}); kept in memory.")]
    private static partial void LogSpoolFailed(ILogger logger, int count, string error, string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Shutting down with {Count} usage events neither written nor spooled.")]
    private static partial void LogLost(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped {Count} unreadable lines (a write torn by a crash) in {Segment}.")]
    private static partial void LogSkippedLines(ILogger logger, int count, string segment);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replayed {Count} usage events from {Segment}.")]
    private static partial void LogSegmentReplayed(ILogger logger, int count, string segment);

    [LoggerMessage(Level = LogLevel.Information, Message = "Spool replay finished: {Count} usage events.")]
    private static partial void LogReplayed(ILogger logger, int count);
}

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
/// idempotently by event id. Once the database or the spool has a batch, its entries in the
/// <see cref="UsageJournal"/> are marked durable. The journal is read back (its entries not yet
/// durable, in order) at start-up, for what a killed process left, and whenever the channel dropped
/// events because it was full. Shutdown drains the channel to the database, or to the spool if the
/// database is down.
/// </summary>
internal sealed partial class UsageWriter(
    UsageChannel channel,
    UsageJournal journal,
    UsageSpool spool,
    PlatformDbContextFactory contexts,
    TimeProvider time,
    ILogger<UsageWriter> logger) : BackgroundService
{
    /// <summary>
    /// Part of a transaction's cost does not grow with its size (the tenant's context, two prepared
    /// statements, the commit's fsync): under load 2,000 took the writer's thread from 24-27 to
    /// 20-21 µs per event against 500, and 5,000 no lower (bench/README.md, eighth session).
    /// </summary>
    public const int BatchSize = 2000;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(200);

    // Bounds the wait for an event when idle, so dropped events and replay are looked at even then.
    private static readonly TimeSpan IdleTick = TimeSpan.FromSeconds(1);

    private readonly List<(int Offset, SpooledUsage Usage)> _read = new(BatchSize);
    private long _written;
    private long _spooled;
    private long _replayed;
    private long _recovered;
    private long _droppedSeen;
    private long _lostSeen;
    private DateTimeOffset? _downUntil;
    private bool _spoolPending;
    private bool _journalPending;

    /// <summary>A write slower than this counts as a failure; the batch is spooled.</summary>
    public TimeSpan WriteTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the database is left alone after a failure before it is tried again.</summary>
    public TimeSpan ProbeInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Events written to the database (from the channel or the journal).</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Events appended to the spool (from the channel or the journal).</summary>
    public long Spooled => Interlocked.Read(ref _spooled);

    /// <summary>Events read back from the spool and committed (or found already committed).</summary>
    public long Replayed => Interlocked.Read(ref _replayed);

    /// <summary>
    /// Events read back from the journal (left by a killed process, or dropped by a full channel)
    /// and handed to the database or the spool; also counted in <see cref="Written"/> or <see cref="Spooled"/>.
    /// </summary>
    public long Recovered => Interlocked.Read(ref _recovered);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        DedicatedThread.RunAsync("usage-writer", () => RunAsync(stoppingToken));

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        // Start-up replay reads files; let the host finish starting first.
        await Task.Yield();
        _spoolPending = spool.HasSegments;
        var leftover = journal.AdoptLeftovers();
        _journalPending = leftover > 0;
        journal.Collect();
        LogStarted(logger, spool.Directory, _spoolPending, journal.Directory, leftover);
        var batch = new UsageBatch(BatchSize);
        try
        {
            await RecoverAsync(batch, stoppingToken);
            await ReplayAsync(stoppingToken);
            while (await WaitAsync(stoppingToken))
            {
                await FillAsync(batch, stoppingToken);
                await FlushAsync(batch, stoppingToken);
                await RecoverAsync(batch, stoppingToken);
                await ReplayAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: drain below.
        }

        await DrainAsync(batch);
        spool.Seal();
        journal.Seal();
        LogStopped(logger, Written, Spooled, Replayed, Recovered);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // A host stopped right after starting cancels ExecuteAsync before it runs, and events can
        // arrive after it drained; either way nothing else will write them.
        if (ExecuteTask is null or { IsCompleted: true } && channel.Reader.TryPeek(out _))
        {
            await DrainAsync(new UsageBatch(BatchSize));
            spool.Seal();
            journal.Seal();
        }
    }

    private bool ProbeDue => _downUntil is not { } until || time.GetUtcNow() >= until;

    private bool RecoveryDue => _journalPending || channel.Dropped != _droppedSeen;

    private async Task<bool> WaitAsync(CancellationToken ct)
    {
        if (channel.Reader.TryPeek(out _) || RecoveryDue)
        {
            return true;
        }

        using var tick = CancellationTokenSource.CreateLinkedTokenSource(ct);
        tick.CancelAfter(IdleTick);
        try
        {
            return await channel.Reader.WaitToReadAsync(tick.Token) || RecoveryDue;
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
    private async Task FillAsync(UsageBatch batch, CancellationToken ct)
    {
        Drain(batch);
        if (batch.Count < BatchSize)
        {
            await Task.Delay(BatchWindow, time, ct);
            Drain(batch);
        }
    }

    private void Drain(UsageBatch batch)
    {
        while (batch.Count < BatchSize && channel.Reader.TryRead(out var usage))
        {
            // Durable already: a journal read-back after a drop got to it first.
            if (!usage.Entry.IsDurable)
            {
                batch.Add(usage.Event, usage.Entry);
            }
        }
    }

    /// <summary>To the database if it is believed up (or a probe is due), else, or on failure, to the spool.</summary>
    private async Task FlushAsync(UsageBatch batch, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return;
        }

        if (ProbeDue && await TryWriteAsync(batch.Events, ct))
        {
            Interlocked.Add(ref _written, batch.Count);
            HandedOver(batch);
            return;
        }

        try
        {
            spool.Append(batch.Events);
            Interlocked.Add(ref _spooled, batch.Count);
            _spoolPending = true;
            HandedOver(batch);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Neither the database nor the disk: keep the batch in memory and try both again later.
            LogSpoolFailed(logger, batch.Count, ex.GetType().Name, ex.Message);
            await Task.Delay(ProbeInterval, time, ct);
        }
    }

    /// <summary>The database or the spool has the batch: the journal no longer needs its entries.</summary>
    private void HandedOver(UsageBatch batch)
    {
        UsageJournal.MarkDurable(batch.Entries);
        batch.Clear();
        journal.Collect();
    }

    /// <summary>
    /// Reads back the journal's entries that are not yet durable, oldest segment first, and hands
    /// them over like any batch: what a killed process left, and what a full channel dropped (a
    /// drop is counted after its journal append, so every drop counted before the read is found).
    /// Entries still in the channel are read too; the channel's copy is then skipped as durable.
    /// </summary>
    private async Task RecoverAsync(UsageBatch batch, CancellationToken ct)
    {
        ReportLost();
        if (!RecoveryDue || batch.Count > 0)
        {
            return;
        }

        _droppedSeen = channel.Dropped;
        var recovered = 0;
        var unreadable = 0;
        foreach (var segment in journal.Segments())
        {
            var cursor = JournalSegment.FirstEntry;
            bool more;
            do
            {
                more = segment.ReadPending(ref cursor, BatchSize, _read, ref unreadable);
                foreach (var (offset, usage) in _read)
                {
                    batch.Add(usage.ToEntity(), new JournalEntry(segment, offset));
                }

                _read.Clear();
                var count = batch.Count;
                await FlushAsync(batch, ct);
                if (batch.Count > 0)
                {
                    // Neither the database nor the spool took it: the main loop keeps trying, and so do we.
                    return;
                }

                recovered += count;
                Interlocked.Add(ref _recovered, count);
            }
            while (more);
        }

        _journalPending = false;
        journal.Collect();
        if (recovered > 0 || unreadable > 0)
        {
            LogRecovered(logger, recovered, unreadable);
        }
    }

    private void ReportLost()
    {
        var lost = channel.Lost;
        if (lost != _lostSeen)
        {
            LogDropped(logger, lost - _lostSeen, UsageChannel.Capacity);
            _lostSeen = lost;
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

    private async Task DrainAsync(UsageBatch batch)
    {
        while (batch.Count > 0 || channel.Reader.TryPeek(out _))
        {
            Drain(batch);
            await FlushAsync(batch, CancellationToken.None);
            if (batch.Count > 0)
            {
                // Neither the database nor the disk took it, and the host is going away.
                var notJournaled = batch.Entries.Count(e => !e.IsJournaled);
                LogNotHandedOver(logger, batch.Count, notJournaled);
                return;
            }
        }

        // What a full channel dropped is in the journal: now, or at the next start.
        await RecoverAsync(batch, CancellationToken.None);
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
            catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException && !IsLocked(ex))
            {
                // Idempotent: a batch spooled after a timeout that did commit, or a segment
                // replayed twice, hits the primary key; insert only the events not there yet.
                // Checked only on this path: the lookup costs more than the insert it guards.
                var ids = tenant.Select(e => e.Id).ToList();
                await using var db = contexts.Create(tenant.Key);
                var existing = (await db.UsageEvents.AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct)).ToHashSet();
                // Distinct too: an event read back from the journal can meet its channel copy in one batch.
                await InsertAsync(tenant.Key, [.. tenant.Where(e => !existing.Contains(e.Id)).DistinctBy(e => e.Id)], ct);
            }
        }
    }

    // A locked database is down, not a duplicate: trying again at once would wait out the lock twice.
    private static bool IsLocked(Exception ex) =>
        ex is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked };

    private async Task InsertAsync(Guid tenantId, List<UsageEvent> events, CancellationToken ct)
    {
        if (events.Count == 0)
        {
            return;
        }

        await using var db = contexts.Create(tenantId);
        await UsageInserter.InsertAsync(db, events, WriteTimeout, ct);
    }
}

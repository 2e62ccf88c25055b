using Microsoft.EntityFrameworkCore;
using Platform.Shared.Data;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Recording;

/// <summary>
/// Drains <see cref="UsageChannel"/> in batches (up to <see cref="BatchSize"/> events or
/// <see cref="BatchWindow"/>), one context per tenant so isolation holds on writes too. A failed
/// batch is kept and retried with backoff; shutdown drains what is left.
/// </summary>
internal sealed partial class UsageWriter(
    UsageChannel channel,
    PlatformDbContextFactory contexts,
    TimeProvider time,
    ILogger<UsageWriter> logger) : BackgroundService
{
    public const int BatchSize = 500;
    private static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private long _written;

    public long Written => Interlocked.Read(ref _written);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<UsageEvent>(BatchSize);
        try
        {
            while (await channel.Reader.WaitToReadAsync(stoppingToken))
            {
                await FillAsync(batch, stoppingToken);
                await WriteWithRetryAsync(batch, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: drain below.
        }

        while (channel.Reader.TryRead(out var usage))
        {
            batch.Add(usage);
        }

        if (batch.Count > 0)
        {
            await WriteWithRetryAsync(batch, CancellationToken.None, attempts: 3);
        }
    }

    private async Task FillAsync(List<UsageEvent> batch, CancellationToken ct)
    {
        var deadline = time.GetUtcNow() + BatchWindow;
        while (batch.Count < BatchSize)
        {
            if (channel.Reader.TryRead(out var usage))
            {
                batch.Add(usage);
                continue;
            }

            var wait = deadline - time.GetUtcNow();
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(wait);
            try
            {
                if (!await channel.Reader.WaitToReadAsync(timeout.Token))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task WriteWithRetryAsync(List<UsageEvent> batch, CancellationToken ct, int attempts = int.MaxValue)
    {
        var backoff = TimeSpan.FromMilliseconds(250);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await WriteAsync(batch, ct);
                Interlocked.Add(ref _written, batch.Count);
                batch.Clear();
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && attempt < attempts)
            {
                LogWriteFailed(logger, batch.Count, attempt, ex.GetType().Name);
                await Task.Delay(backoff, time, ct);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    private async Task WriteAsync(List<UsageEvent> batch, CancellationToken ct)
    {
        foreach (var tenant in batch.GroupBy(e => e.TenantId))
        {
            await using var db = contexts.Create(tenant.Key);
            var ids = tenant.Select(e => e.Id).ToList();
            // Idempotent: a batch retried after a timeout that did commit must not insert twice.
            var existing = await db.UsageEvents.AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct);
            db.UsageEvents.AddRange(tenant.Where(e => !existing.Contains(e.Id)));
            await db.SaveChangesAsync(ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} usage events failed (attempt {Attempt}, {Error}); retrying.")]
    private static partial void LogWriteFailed(ILogger logger, int count, int attempt, string error);
}

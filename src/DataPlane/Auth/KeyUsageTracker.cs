using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Platform.DataPlane.Configuration;
using Platform.Shared.Data;

namespace Platform.DataPlane.Auth;

/// <summary>
/// Keeps <c>ApiKey.LastUsedAt</c> current without a database write per call: the request path
/// stamps an in-memory entry per key (no allocation after the key's first call), and every
/// <see cref="FlushInterval"/> the changed entries are written with one conditional
/// <c>ExecuteUpdate</c> per key, in that key's tenant context. An update that goes through
/// <c>ExecuteUpdate</c> bypasses the policy version bump on purpose: last use is not policy, and
/// must not make every data plane reload. The value is at most one interval (plus a failed flush) stale.
/// </summary>
internal sealed partial class KeyUsageTracker(
    PlatformDbContextFactory contexts,
    ILogger<KeyUsageTracker> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<Guid, KeyUse> _uses = new();

    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromSeconds(30);

    public void Touch(KeyPolicy key, DateTime utcNow)
    {
        var use = _uses.GetOrAdd(key.Id, static (_, k) => new KeyUse(k.TenantId), key);
        Interlocked.Exchange(ref use.LastTicks, utcNow.Ticks);
    }

    /// <summary>Writes every key used since the last flush; returns how many keys were written.</summary>
    public async Task<int> FlushAsync(CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var (keyId, use) in _uses)
        {
            var ticks = Interlocked.Read(ref use.LastTicks);
            if (ticks == use.FlushedTicks)
            {
                continue;
            }

            var lastUsed = new DateTime(ticks, DateTimeKind.Utc);
            await using var db = contexts.Create(use.TenantId);
            await db.ApiKeys
                .Where(k => k.Id == keyId && (k.LastUsedAt == null || k.LastUsedAt < lastUsed))
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, lastUsed), cancellationToken);
            use.FlushedTicks = ticks;
            written++;
        }

        return written;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(FlushInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await TryFlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the last flush is in StopAsync.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await TryFlushAsync(cancellationToken);
    }

    private async Task TryFlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FlushAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database is down or slow: the stamps stay in memory for the next flush.
            LogFlushFailed(logger, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write API key last-used times; will retry: {Reason}")]
    private static partial void LogFlushFailed(ILogger logger, string reason);

    private sealed class KeyUse(Guid tenantId)
    {
        public readonly Guid TenantId = tenantId;
        public long LastTicks;
        public long FlushedTicks;
    }
}

using Microsoft.Extensions.Options;
using Platform.DataPlane.Hosting;
using Platform.DataPlane.Recording;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Limits;

/// <summary>
/// Shares <see cref="RateLimiter"/>'s windows between data-plane instances, every
/// <see cref="RateLimitOptions.SyncInterval"/>: publishes this instance's counts of the
/// current window (the scopes that moved), reads the sum of the other instances' counts into
/// every window, and once per window deletes rows older than <see cref="Retention"/>. On its own
/// thread (like the usage writer): SQLite's busy waits block the thread they run on. When the
/// database is down the limits keep working on this instance's counts (the others' count as they
/// were last read, for the rest of that window); that is logged once, not per round.
/// </summary>
internal sealed partial class RateLimitSync(
    RateLimiter limiter,
    RateCounterStore store,
    DataPlaneInstance instance,
    TimeProvider time,
    IOptions<RateLimitOptions> options,
    ILogger<RateLimitSync> logger) : BackgroundService
{
    public static readonly TimeSpan Retention = TimeSpan.FromMinutes(2);

    // A round slower than this fails (and is logged) rather than holding every later round.
    private static readonly TimeSpan RoundTimeout = TimeSpan.FromSeconds(5);

    private readonly TimeSpan _interval = options.Value.SyncInterval;
    private bool _down;
    private long _cleanedWindow;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        DedicatedThread.RunAsync("rate-limit-sync", () => RunAsync(stoppingToken));

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await SyncAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the rows already published stay until they age out.
        }
    }

    /// <summary>One round. Throws only when <paramref name="ct"/> is cancelled.</summary>
    /// <returns>Whether the database took part; false leaves the limits on the counts known so far.</returns>
    public async Task<bool> SyncAsync(CancellationToken ct)
    {
        var window = RateScopes.WindowOf(time.GetUtcNow().UtcTicks);
        var windowStart = new DateTime(window, DateTimeKind.Utc);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(RoundTimeout);
            await PublishAsync(window, windowStart, timeout.Token);
            Apply(window, await store.ReadOthersAsync(windowStart, instance.Id, timeout.Token));
            if (_cleanedWindow != window)
            {
                await store.DeleteBeforeAsync(windowStart - Retention, timeout.Token);
                _cleanedWindow = window;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            if (!_down)
            {
                _down = true;
                LogDatabaseDown(logger, ex.GetType().Name, ex.Message);
            }

            return false;
        }

        if (_down)
        {
            _down = false;
            LogDatabaseBack(logger);
        }

        return true;
    }

    private async Task PublishAsync(long window, DateTime windowStart, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var tenant in limiter.Tenants)
        {
            List<(RateWindow Window, RateLimitCounter Row)>? moved = null;
            lock (tenant.Gate)
            {
                foreach (var scope in tenant.All())
                {
                    if (scope.TryGetUnpublished(window, out var requests, out var tokens))
                    {
                        (moved ??= []).Add((scope, new RateLimitCounter
                        {
                            TenantId = tenant.TenantId,
                            Scope = scope.Scope,
                            WindowStart = windowStart,
                            Instance = instance.Id,
                            Requests = requests,
                            Tokens = tokens,
                            UpdatedAt = now,
                        }));
                    }
                }
            }

            if (moved is null)
            {
                continue;
            }

            await store.PublishAsync(tenant.TenantId, [.. moved.Select(m => m.Row)], ct);
            lock (tenant.Gate)
            {
                foreach (var (scope, row) in moved)
                {
                    scope.MarkPublished(window, row.Requests, row.Tokens);
                }
            }
        }
    }

    /// <summary>
    /// Sets the others' counts on every window, zero where no other instance has a row. A scope
    /// only other instances have used gets its window now, so its first call here counts them.
    /// </summary>
    private void Apply(long window, List<RateCounterStore.ScopeCount> others)
    {
        var counts = new Dictionary<(Guid, string), RateCounterStore.ScopeCount>(others.Count);
        foreach (var count in others)
        {
            counts[(count.TenantId, count.Scope)] = count;
            var tenant = limiter.Tenant(count.TenantId);
            if (RateScopes.TryParseKey(count.Scope, out var keyId))
            {
                tenant.Key(keyId);
            }
        }

        foreach (var tenant in limiter.Tenants)
        {
            lock (tenant.Gate)
            {
                foreach (var scope in tenant.All())
                {
                    counts.TryGetValue((scope.TenantId, scope.Scope), out var count);
                    scope.SetOthers(window, count.Requests, count.Tokens);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate-limit counters could not be shared through the database ({Error}: {Reason}); limits hold on this instance's own counts until it answers.")]
    private static partial void LogDatabaseDown(ILogger logger, string error, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rate-limit counters are shared through the database again.")]
    private static partial void LogDatabaseBack(ILogger logger);
}

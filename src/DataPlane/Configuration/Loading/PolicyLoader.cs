using System.Collections.Frozen;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Platform.DataPlane.Configuration;

/// <summary>
/// Keeps <see cref="PolicyStore"/> current. Start-up waits for a first snapshot (from the database,
/// else from the last-known-good file, else empty); then the tenant versions are polled and only
/// tenants whose version moved are recompiled, so an unchanged tenant keeps its very instance.
/// </summary>
internal sealed partial class PolicyLoader(
    PolicyStore store,
    PolicyReader reader,
    PolicyCompiler compiler,
    LastKnownGoodFile lastKnownGood,
    IOptions<PolicyLoaderOptions> options,
    TimeProvider time,
    ILogger<PolicyLoader> logger) : BackgroundService
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly PolicyLoaderOptions _options = options.Value;

    // Guarded by _gate.
    private Dictionary<Guid, TenantVersion> _versions = [];
    private Dictionary<Guid, CompiledTenant> _tenants = [];
    private bool _fromDatabase;
    private bool _failing;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        using (var timeout = new CancellationTokenSource(_options.PolicyInitialLoadTimeout, time))
        using (var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
        {
            try
            {
                await ReloadNowAsync(budget.Token);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested && budget.IsCancellationRequested)
            {
                Log.InitialLoadTimedOut(logger, _options.PolicyInitialLoadTimeout);
            }
        }

        if (!_fromDatabase)
        {
            await LoadLastKnownGoodAsync(cancellationToken);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_options.PolicyPollInterval, time, stoppingToken);
                await ReloadNowAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>
    /// One poll, now (the timer calls this; tests may too). Returns true when a new snapshot was
    /// swapped in. A failing database is logged and leaves the current snapshot in place.
    /// </summary>
    public async Task<bool> ReloadNowAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var swapped = await ReloadFromDatabaseAsync(cancellationToken);
            if (_failing)
            {
                _failing = false;
                Log.ReloadRecovered(logger);
            }

            return swapped;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Once per outage at warning level; a poll a second would otherwise flood the log.
            if (!_failing)
            {
                _failing = true;
                Log.ReloadFailed(logger, store.Current.FromLastKnownGood, ex);
            }
            else
            {
                Log.ReloadStillFailing(logger, ex.Message);
            }

            return false;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<bool> ReloadFromDatabaseAsync(CancellationToken cancellationToken)
    {
        var versions = (await reader.ReadTenantVersionsAsync(cancellationToken)).ToDictionary(v => v.Id);

        // After the last-known-good file, everything is reread: the file may be older than the database.
        var full = !_fromDatabase;
        if (!full && SameVersions(versions, _versions))
        {
            return false;
        }

        var tenants = new Dictionary<Guid, CompiledTenant>();
        var recompiled = 0;
        foreach (var version in versions.Values)
        {
            if (version.Disabled)
            {
                continue;
            }

            if (!full && _versions.GetValueOrDefault(version.Id) == version && _tenants.TryGetValue(version.Id, out var kept))
            {
                tenants[version.Id] = kept;
                continue;
            }

            tenants[version.Id] = await compiler.LoadTenantAsync(version, cancellationToken);
            recompiled++;
        }

        var keys = await reader.ReadKeysAsync(cancellationToken);
        await Task.Yield(); // off a socket event thread before building the snapshot (see PolicyCompiler.LoadTenantAsync)
        var now = time.GetUtcNow().UtcDateTime;
        var snapshot = BuildSnapshot(tenants, keys, now, fromLastKnownGood: false);

        _versions = versions;
        _tenants = tenants;
        _fromDatabase = true;
        store.Swap(snapshot);
        Log.Swapped(logger, snapshot.Tenants.Count, recompiled, snapshot.Keys.Count);

        await SaveLastKnownGoodAsync(tenants, keys, now, cancellationToken);
        return true;
    }

    private async Task LoadLastKnownGoodAsync(CancellationToken cancellationToken)
    {
        var document = await lastKnownGood.LoadAsync(cancellationToken);
        if (document is null)
        {
            Log.NothingToServe(logger, lastKnownGood.FilePath);
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_fromDatabase)
            {
                return;
            }

            Dictionary<Guid, CompiledTenant> tenants;
            try
            {
                tenants = document.Tenants.ToDictionary(t => t.TenantId, compiler.Compile);
            }
            catch (Exception ex)
            {
                Log.LastKnownGoodUnusable(logger, lastKnownGood.FilePath, ex);
                return;
            }

            _tenants = tenants;
            store.Swap(BuildSnapshot(tenants, document.Keys, document.SavedAt, fromLastKnownGood: true));
            Log.ServingLastKnownGood(logger, document.SavedAt, tenants.Count);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task SaveLastKnownGoodAsync(
        Dictionary<Guid, CompiledTenant> tenants,
        IReadOnlyList<KeyDocument> keys,
        DateTime savedAt,
        CancellationToken cancellationToken)
    {
        var document = new PolicyDocument(
            PolicyDocument.CurrentFormat,
            savedAt,
            [.. tenants.Values.Select(t => t.Document)],
            [.. keys.Where(k => tenants.ContainsKey(k.TenantId))]);
        try
        {
            await lastKnownGood.SaveAsync(document, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The snapshot in memory is good; only the next restart during an outage is at risk.
            Log.SaveFailed(logger, lastKnownGood.FilePath, ex);
        }
    }

    /// <summary>
    /// The snapshot's <see cref="PolicySnapshot.LoadedAt"/> is when the data was read from the
    /// database; for the last-known-good file that is when the file was written.
    /// </summary>
    private static PolicySnapshot BuildSnapshot(
        Dictionary<Guid, CompiledTenant> tenants,
        IEnumerable<KeyDocument> keys,
        DateTime loadedAt,
        bool fromLastKnownGood) => new()
        {
            Tenants = tenants.ToFrozenDictionary(t => t.Key, t => t.Value.Policy),
            Keys = PolicyCompiler.CompileKeys(keys, tenants.Keys.ToFrozenSet()),
            LoadedAt = loadedAt,
            FromLastKnownGood = fromLastKnownGood,
        };

    private static bool SameVersions(Dictionary<Guid, TenantVersion> next, Dictionary<Guid, TenantVersion> previous) =>
        next.Count == previous.Count && next.All(v => previous.GetValueOrDefault(v.Key) == v.Value);

    public override void Dispose()
    {
        base.Dispose();
        _gate.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(1101, LogLevel.Information,
            "Policy snapshot swapped: {Tenants} tenants ({Recompiled} recompiled), {Keys} keys.")]
        public static partial void Swapped(ILogger logger, int tenants, int recompiled, int keys);

        [LoggerMessage(1102, LogLevel.Warning,
            "Policy reload failed; the current snapshot stays in place (last-known-good: {FromLastKnownGood}). Retrying every poll.")]
        public static partial void ReloadFailed(ILogger logger, bool fromLastKnownGood, Exception exception);

        [LoggerMessage(1103, LogLevel.Debug, "Policy reload still failing: {Reason}")]
        public static partial void ReloadStillFailing(ILogger logger, string reason);

        [LoggerMessage(1104, LogLevel.Information, "Policy reload succeeded again.")]
        public static partial void ReloadRecovered(ILogger logger);

        [LoggerMessage(1105, LogLevel.Warning,
            "The database did not answer within {Timeout}; starting without it.")]
        public static partial void InitialLoadTimedOut(ILogger logger, TimeSpan timeout);

        [LoggerMessage(1106, LogLevel.Warning,
            "Serving the last-known-good policy snapshot saved at {SavedAt:o} ({Tenants} tenants) until the database answers.")]
        public static partial void ServingLastKnownGood(ILogger logger, DateTime savedAt, int tenants);

        [LoggerMessage(1107, LogLevel.Error,
            "No database and no last-known-good snapshot at {Path}: serving an empty snapshot until the database answers.")]
        public static partial void NothingToServe(ILogger logger, string path);

        [LoggerMessage(1109, LogLevel.Error,
            "The last-known-good snapshot at {Path} cannot be compiled: serving an empty snapshot until the database answers.")]
        public static partial void LastKnownGoodUnusable(ILogger logger, string path, Exception exception);

        [LoggerMessage(1108, LogLevel.Warning, "Could not write the last-known-good snapshot to {Path}.")]
        public static partial void SaveFailed(ILogger logger, string path, Exception exception);
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.DataPlane.Endpoints;
using Platform.DataPlane.Recording;
using Platform.Simulator;
using Xunit.Abstractions;

namespace Platform.DataPlane.Tests.Integration;

/// <summary>
/// The acceptance test of usage recording: load on a real data plane process, the database made
/// unavailable (the test holds SQLite's write lock), the process killed with SIGKILL mid-load,
/// then the database released and the process started again on the same data folder. Every call
/// whose whole 200 answer a client read must have its usage event. Each call carries its own
/// customer id, so the comparison is by call, not only by count.
/// </summary>
[Trait("Category", "Durability")]
public sealed class UsageDurabilityTests(ITestOutputHelper output) : IDisposable
{
    private const int Clients = 8;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "platform-tests", "durability-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Kill_MidLoadWithDatabaseDown_EveryAnsweredCallHasItsUsageEventAfterRestart()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var seeder = new ConfigSeeder(_dataDirectory);
        await seeder.InitializeAsync();
        await using var simulator = await SimulatorServer.StartAsync();
        var tenant = TestTenant.New();
        await seeder.ApplyAsync(DataPlaneFixture.Document(tenant, TenantYaml.Standard()), DataPlaneFixture.Environment(tenant, simulator.BaseAddress));
        tenant.Id = await seeder.TenantIdAsync(tenant.Slug);

        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: database and simulator ready");
        var killed = await DataPlaneProcess.StartAsync(_dataDirectory);
        Load load;
        await using (killed)
        {
            using var http = new HttpClient { BaseAddress = killed.BaseAddress, Timeout = Deadline };
            await DataPlaneFixture.WaitUntilServedAsync(http, tenant.Key);
            load = Load.Start(http, tenant.Key, Clients);
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: load started");
            await UntilAsync(async () => await CountAsync(seeder, tenant) > 0, "no usage event reached the database");

            await using (var writeLock = await DatabaseWriteLock.TakeAsync(Path.Combine(_dataDirectory, "platform.db")))
            {
                // The writer's next batch waits for the lock, gives up, and spools; so does every batch after it.
                output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: database locked");
                await UntilAsync(() => Task.FromResult(SpoolSegments().Length > 0), "nothing was spooled while the database was locked");
                output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: spooling");
                await Task.Delay(TimeSpan.FromSeconds(1));
                await killed.KillAsync();
                await load.StopAsync();
                output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: killed");
            }
        }

        var written = await CountAsync(seeder, tenant);
        var spooled = SpoolSegments().Sum(s => UsageSpool.Read(s).Events.Count);
        var (journaled, torn) = PendingInJournal();

        await using var restarted = await DataPlaneProcess.StartAsync(_dataDirectory);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: restarted");
        await UntilAsync(() => Task.FromResult(SpoolSegments().Length == 0 && JournalSegments().Length == 0), "the restarted data plane did not replay the spool and the journal");
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: replayed");
        List<string?> recorded;
        await using (var db = seeder.CreateContext(tenant.Id))
        {
            recorded = await db.UsageEvents.AsNoTracking().Select(e => e.Customer).ToListAsync();
        }

        var answered = load.Answered.ToHashSet();
        var unanswered = load.Unanswered.ToHashSet();
        var recordedIds = recorded.Select(c => c!).ToHashSet();
        var extra = recordedIds.Except(answered).ToList();
        output.WriteLine($"requests answered (whole 200 body read): {answered.Count}");
        output.WriteLine($"requests sent without a whole answer (in flight at the kill, or refused after it): {unanswered.Count}");
        output.WriteLine($"usage events found after restart: {recorded.Count}");
        output.WriteLine($"events the killed process wrote to the database: {written}");
        output.WriteLine($"events in the spool at the kill: {spooled}");
        output.WriteLine($"events pending in the journal at the kill: {journaled} (torn entries: {torn})");
        output.WriteLine($"restarted process: {string.Join(" | ", restarted.Output.Where(l => l.Contains("journal", StringComparison.Ordinal) || l.Contains("Spool replay", StringComparison.Ordinal)))}");
        output.WriteLine($"events of calls whose answer did not reach the client: {extra.Count}");

        Assert.Empty(load.Failures);
        Assert.Equal(recorded.Count, recordedIds.Count);
        Assert.True(spooled > 0, "The spool was empty at the kill.");
        Assert.True(journaled > 0, "The journal held nothing the database or the spool did not have at the kill.");
        // No answered call is missing: its event was journaled before its answer was sent.
        Assert.Empty(answered.Except(recordedIds));
        // An event beyond that is a call the upstream served whose answer the kill cut off: at most one per client.
        Assert.All(extra, id => Assert.Contains(id, unanswered));
        Assert.InRange(extra.Count, 0, Clients);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A handle still open elsewhere; the OS cleans the temp folder.
        }
    }

    private static async Task<int> CountAsync(ConfigSeeder seeder, TestTenant tenant)
    {
        await using var db = seeder.CreateContext(tenant.Id);
        return await db.UsageEvents.CountAsync();
    }

    private string[] SpoolSegments() => Files("spool", "*.ndjson");

    private string[] JournalSegments() => Files("journal", "*.journal");

    private string[] Files(string folder, string pattern)
    {
        var path = Path.Combine(_dataDirectory, folder);
        return Directory.Exists(path) ? Directory.GetFiles(path, pattern) : [];
    }

    /// <summary>What the killed process's journal held that neither the database nor the spool had, read as the next process will.</summary>
    private (int Pending, int Torn) PendingInJournal()
    {
        using var journal = new UsageJournal(Path.Combine(_dataDirectory, "journal"), enabled: false, TimeProvider.System, NullLogger<UsageJournal>.Instance);
        var pending = journal.AdoptLeftovers();
        return (pending, journal.Segments().Sum(s => s.Torn));
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, string failure)
    {
        var until = DateTime.UtcNow + Deadline;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, $"Within {Deadline.TotalSeconds} s {failure}.");
            await Task.Delay(50);
        }
    }

    /// <summary>SQLite's write lock held from outside the data plane: its writes wait, time out and fail.</summary>
    private sealed class DatabaseWriteLock(SqliteConnection connection) : IAsyncDisposable
    {
        public static async Task<DatabaseWriteLock> TakeAsync(string path)
        {
            var connection = new SqliteConnection($"Data Source={path};Pooling=False;Default Timeout=30");
            await connection.OpenAsync();
            await using var begin = connection.CreateCommand();
            begin.CommandText = "BEGIN EXCLUSIVE;";
            await begin.ExecuteNonQueryAsync();
            return new DatabaseWriteLock(connection);
        }

        public async ValueTask DisposeAsync()
        {
            await using (var rollback = connection.CreateCommand())
            {
                rollback.CommandText = "ROLLBACK;";
                await rollback.ExecuteNonQueryAsync();
            }

            await connection.DisposeAsync();
        }
    }

    /// <summary>
    /// Client loops of chat calls, each with its own customer id. A call counts as answered only
    /// when its whole 200 body was read; any other status is a failure of the test.
    /// </summary>
    private sealed class Load
    {
        private readonly HttpClient _http;
        private readonly string _key;
        private readonly Task[] _loops;
        private volatile bool _stopping;

        private Load(HttpClient http, string key, int clients)
        {
            _http = http;
            _key = key;
            _loops = [.. Enumerable.Range(0, clients).Select(c => Task.Run(() => LoopAsync(c)))];
        }

        public ConcurrentBag<string> Answered { get; } = [];

        public ConcurrentBag<string> Unanswered { get; } = [];

        public ConcurrentBag<string> Failures { get; } = [];

        public static Load Start(HttpClient http, string key, int clients) => new(http, key, clients);

        public Task StopAsync()
        {
            _stopping = true;
            return Task.WhenAll(_loops);
        }

        private async Task LoopAsync(int client)
        {
            for (var n = 0; !_stopping; n++)
            {
                var id = $"c{client}-{n}";
                using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
                {
                    Content = new StringContent(
                        $$"""{"model":"oa/gpt","messages":[{"role":"user","content":"Durability call {{id}}."}],"max_tokens":16}""",
                        Encoding.UTF8,
                        "application/json"),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _key);
                request.Headers.Add(CallAdmission.CustomerHeader, id);
                try
                {
                    // The default completion option reads the whole body before SendAsync returns.
                    using var response = await _http.SendAsync(request);
                    var body = await response.Content.ReadAsStringAsync();
                    if (response.StatusCode == HttpStatusCode.OK && body.Contains("\"choices\"", StringComparison.Ordinal))
                    {
                        Answered.Add(id);
                    }
                    else
                    {
                        Failures.Add($"{id}: {(int)response.StatusCode} {body}");
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
                {
                    Unanswered.Add(id);
                    if (!_stopping)
                    {
                        // The process is gone; the test stops the loops right after the kill.
                        await Task.Delay(10);
                    }
                }
            }
        }
    }
}

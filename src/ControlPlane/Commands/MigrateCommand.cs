using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.ControlPlane.Access;
using Platform.Shared.Data;
using Platform.Shared.Hosting;

namespace Platform.ControlPlane.Commands;

/// <summary>
/// The migrator. The hosts never migrate on start-up; an operator (or run.sh) runs this first.
/// </summary>
internal static class MigrateCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        await using var db = services.GetRequiredService<PlatformDbContextFactory>().Create(null);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.Database.MigrateAsync(ct);
        if (options.IsSqlite)
        {
            // Several processes share the file: WAL lets readers run beside the writer. The mode
            // is stored in the file, so setting it once here covers every process.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OAuthClients>().EnsureCliClientAsync(ct);
        }

        Console.WriteLine(pending.Count == 0
            ? $"migrate: {options.Provider} database is up to date."
            : $"migrate: applied {pending.Count} migration(s) to the {options.Provider} database: {string.Join(", ", pending)}");
        return 0;
    }
}

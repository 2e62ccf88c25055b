using Microsoft.Data.Sqlite;

namespace Platform.DataPlane.Tests.Integration;

/// <summary>A data directory of its own for a test that starts its own data plane host; deleted on dispose.</summary>
internal sealed class HostDataDirectory(string name) : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "platform-tests", $"dp-{name}-{Guid.NewGuid():N}");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A handle still open elsewhere; the OS cleans the temp folder.
        }
    }
}

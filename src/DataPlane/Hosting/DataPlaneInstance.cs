namespace Platform.DataPlane.Hosting;

/// <summary>
/// This data-plane process among the others sharing the database: a new id at every start, written
/// on its usage events and rate-limit counters so each process can tell its own numbers (held in
/// memory) from everyone else's (read from the database).
/// </summary>
internal sealed class DataPlaneInstance
{
    public string Id { get; } = "dp-" + Guid.NewGuid().ToString("N")[..16];
}

namespace Platform.DataPlane.Hosting;

/// <summary>Section <c>DataPlane</c>.</summary>
internal sealed record DataPlaneOptions
{
    public const string Section = "DataPlane";

    /// <summary>Largest request body accepted; larger ones get 413 before they are read whole.</summary>
    public int MaxRequestBodyBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>
    /// Record a usage event per call (default). Off only for benchmarks that compare the cost of
    /// recording; a production data plane with it off records nothing for finance or on-call.
    /// </summary>
    public bool RecordUsage { get; init; } = true;

    /// <summary>
    /// Journal every usage event to a memory-mapped file before it is queued (default), so events
    /// not yet written survive the process being killed. Off only to measure what it costs.
    /// </summary>
    public bool UsageJournal { get; init; } = true;

    /// <summary>
    /// Run request code on the socket event threads (default): Kestrel's inline scheduling plus the
    /// runtime's inline socket completions, so a proxied call is not handed between threads four times.
    /// That is how nginx works, and it cut the data plane's CPU per call by a fifth on one core
    /// (bench/README.md). The price is the event loop's rule: nothing on the request path may block,
    /// so the few database reads a call can trigger run on the thread pool. Off restores the
    /// thread-pool hand-offs.
    /// </summary>
    public bool InlineIo { get; init; } = true;
}

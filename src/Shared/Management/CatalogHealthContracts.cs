namespace Platform.Shared.Management;

/// <summary>Health over the last <see cref="Window"/>: <c>15m</c>, <c>1h</c> or <c>24h</c>.</summary>
public sealed record CatalogHealthQuery(string Window = "15m")
{
    public static readonly IReadOnlyList<string> Windows = ["15m", "1h", "24h"];
}

/// <summary>
/// Recorded upstream attempts of the window, per provider and per model (as the data plane names
/// them: provider name and upstream id). Hedge losers the data plane cancelled are not counted.
/// </summary>
public sealed record CatalogHealthView(DateTime From, DateTime To, IReadOnlyList<ProviderHealthView> Providers, IReadOnlyList<ModelHealthView> Models);

/// <param name="Calls">Upstream attempts.</param>
/// <param name="Errors">Attempts that ended in an error class.</param>
/// <param name="P50Ms">Median latency of the successful attempts; null without any.</param>
/// <param name="P95Ms">95th percentile latency of the successful attempts; null without any.</param>
public sealed record HealthStats(int Calls, int Errors, int? P50Ms, int? P95Ms, string? LastErrorClass, DateTime? LastErrorAt)
{
    public double ErrorRate => Calls == 0 ? 0 : (double)Errors / Calls;
}

/// <param name="ModelsOpen">How many of its models' circuits read as open.</param>
public sealed record ProviderHealthView(string Provider, HealthStats Stats, int ModelsOpen);

public sealed record ModelHealthView(string Provider, string UpstreamId, HealthStats Stats, CircuitView Circuit);

/// <summary>
/// A model's circuit as far as recorded usage tells: the data plane keeps its breakers in memory
/// and does not record a skipped candidate, so the state is always <see cref="Inferred"/> from
/// recent attempts (see <c>CircuitInference</c>), never read from the breaker.
/// </summary>
/// <param name="State"><c>open</c> or <c>closed</c>.</param>
/// <param name="Since">The breaking failure the state was inferred from, when open.</param>
public sealed record CircuitView(string State, bool Inferred, DateTime? Since);

namespace Platform.Simulator;

/// <summary>Calls to one model and how each ended.</summary>
public sealed record ModelCallStats(long Calls, IReadOnlyDictionary<string, long> Outcomes);

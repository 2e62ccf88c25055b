namespace Platform.Simulator.Control;

/// <summary><c>GET /_sim/stats</c>: <c>{"models":{"gpt-4o":{"calls":3,"outcomes":{"ok":2,"429":1}}}}</c>.</summary>
internal sealed record StatsResponse(IReadOnlyDictionary<string, ModelCallStats> Models);

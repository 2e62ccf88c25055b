namespace Platform.Simulator.Tests.Support;

public sealed record SseEvent(string? Event, string Data);

namespace Platform.ControlPlane.Features.Providers;

/// <summary>One upstream attempt with its call's start, as the health queries read it (a projection, never loaded whole).</summary>
internal sealed class HealthAttempt
{
    public required string Provider { get; init; }

    public required string Model { get; init; }

    public string? ErrorClass { get; init; }

    public int LatencyMs { get; init; }

    public DateTime StartedAt { get; init; }
}

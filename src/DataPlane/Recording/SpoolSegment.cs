namespace Platform.DataPlane.Recording;

/// <summary>What <see cref="UsageSpool.Read"/> found in one segment.</summary>
internal sealed record SpoolSegment(string Path, IReadOnlyList<SpooledUsage> Events, int Skipped);

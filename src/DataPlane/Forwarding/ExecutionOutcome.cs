using Platform.DataPlane.Configuration;

namespace Platform.DataPlane.Forwarding;

/// <summary>
/// What the executor returns: the winning attempt's value and model, or the error to give the
/// caller; always the full list of attempts, for headers and the usage record.
/// </summary>
internal sealed record ExecutionOutcome<T>
    where T : class
{
    public T? Value { get; init; }

    public ModelPolicy? Model { get; init; }

    public UpstreamException? Error { get; init; }

    public required IReadOnlyList<AttemptRecord> Attempts { get; init; }

    /// <summary>Attempts on a candidate other than the first one chosen.</summary>
    public int FallbackCount { get; init; }

    public bool Succeeded => Value is not null;
}

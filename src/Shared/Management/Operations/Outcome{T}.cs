using System.Diagnostics.CodeAnalysis;

namespace Platform.Shared.Management.Operations;

/// <summary>
/// The result of one application operation: the value (and the row's ETag, where the row has a
/// concurrency stamp), or the <see cref="Failure"/> that says why not. Operations return refusals
/// as values and throw only for faults (a database outage), so both adapters map every refusal the same way.
/// </summary>
public sealed class Outcome<T>
{
    internal Outcome(T? value, string? etag, Failure? failure)
    {
        Value = value;
        ETag = etag;
        Failure = failure;
    }

    public T? Value { get; }

    /// <summary>The row's ETag after the operation (see <see cref="ConcurrencyStamps"/>); null for lists and rows without one.</summary>
    public string? ETag { get; }

    public Failure? Failure { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Failure is null;

    public OutcomeStatus Status => Failure?.Status ?? OutcomeStatus.Ok;

    /// <summary>Lets an operation <c>return Failure.NotFound("API key");</c> whatever its value type.</summary>
    public static implicit operator Outcome<T>(Failure failure) => new(default, null, failure);
}

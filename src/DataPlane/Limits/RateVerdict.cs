namespace Platform.DataPlane.Limits;

/// <summary>
/// The rate-limit answer for one call. <see cref="RequestLimit"/> and <see cref="TokenLimit"/>
/// (with their remaining counts) are those of the tightest scope that has such a limit, 0 when
/// none has; <see cref="RefusedLimit"/> is the limit named by <see cref="Refusal"/>.
/// </summary>
internal readonly record struct RateVerdict(
    RateRefusal Refusal,
    int RefusedLimit,
    int RequestLimit,
    long RemainingRequests,
    int TokenLimit,
    long RemainingTokens,
    int ResetSeconds)
{
    /// <summary>Neither the key nor the tenant has a limit: nothing was counted, no headers.</summary>
    public static readonly RateVerdict Unlimited;

    public bool Limited => RequestLimit > 0 || TokenLimit > 0;

    public bool Admitted => Refusal == RateRefusal.None;
}

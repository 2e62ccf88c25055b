using Platform.Shared.Routing;

namespace Platform.DataPlane.Routing;

/// <summary>A candidate the request cannot use, with every reason why (a dry run shows them all).</summary>
internal readonly record struct ExcludedCandidate(string Model, ExclusionReason Reasons)
{
    /// <summary>The first reason's code, e.g. <c>context_window</c>.</summary>
    public string Reason => ExclusionReasons.Code(Reasons);

    public IReadOnlyList<string> ReasonCodes => ExclusionReasons.CodesOf(Reasons);

    public bool Has(ExclusionReason reason) => (Reasons & reason) == reason;

    public override string ToString() => $"{Model} ({string.Join(", ", ReasonCodes)})";
}

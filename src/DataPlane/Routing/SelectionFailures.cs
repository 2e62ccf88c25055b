using System.Text;
using Platform.Shared.Routing;

namespace Platform.DataPlane.Routing;

/// <summary>Failed selections, worded for the caller. Off the happy path, so allocation is fine here.</summary>
internal static class SelectionFailures
{
    public static RouteDecision NotFound(in ModelReference reference) =>
        Fail(SelectionErrorKind.ModelNotFound, reference.Problem ?? $"model '{reference.Raw}' does not exist", []);

    public static RouteDecision Denied(string message) => Fail(SelectionErrorKind.PermissionDenied, message, []);

    /// <summary>
    /// Every candidate was excluded. All by the key's scope: 403. Some candidate held back only by
    /// availability (circuit open, too slow, disabled): 503, since it could serve the request
    /// later. Otherwise 400, naming the requirement no candidate meets when there is one.
    /// </summary>
    public static RouteDecision NoCandidate(in RouteTarget target, ExcludedCandidate[] excluded, in RequestRequirements needs)
    {
        if (excluded.Length == 0)
        {
            return Fail(SelectionErrorKind.NoHealthyCandidate, $"{target.Label} has no candidates", excluded);
        }

        var common = ~ExclusionReason.None;
        var availableLater = false;
        foreach (var candidate in excluded)
        {
            common &= candidate.Reasons;
            availableLater |= (candidate.Reasons & ~ExclusionReasons.Availability) == ExclusionReason.None;
        }

        if ((common & ExclusionReason.NotAllowedForKey) != 0)
        {
            return Fail(SelectionErrorKind.PermissionDenied, $"this API key may not use any candidate of {target.Label}", excluded);
        }

        if (availableLater)
        {
            // Name only the candidates that would serve the request once healthy again.
            var waiting = new List<ExcludedCandidate>();
            var waitingCommon = ~ExclusionReason.None;
            foreach (var candidate in excluded)
            {
                if ((candidate.Reasons & ~ExclusionReasons.Availability) == ExclusionReason.None)
                {
                    waiting.Add(candidate);
                    waitingCommon &= candidate.Reasons;
                }
            }

            return Fail(SelectionErrorKind.NoHealthyCandidate, Describe(target, waiting, waitingCommon, ExclusionReasons.Availability, needs), excluded);
        }

        return Fail(SelectionErrorKind.NoEligibleCandidate, Describe(target, excluded, common & ~ExclusionReasons.Availability, ~ExclusionReasons.Availability, needs), excluded);
    }

    private static string Describe(in RouteTarget target, IReadOnlyList<ExcludedCandidate> excluded, ExclusionReason common, ExclusionReason relevant, in RequestRequirements needs)
    {
        if (target.Kind == ModelReferenceKind.Model)
        {
            return $"{target.Label} {Failures(excluded[0].Reasons & relevant, needs)}";
        }

        if (common != ExclusionReason.None)
        {
            var first = ExclusionReasons.First(common);
            return $"no candidate of {target.Label} {ExclusionReasons.Requirement(first)}{Detail(first, needs)}";
        }

        var text = new StringBuilder($"no candidate of {target.Label} can serve this request: ");
        var listed = 0;
        foreach (var candidate in excluded)
        {
            var reasons = candidate.Reasons & relevant;
            if (reasons == ExclusionReason.None)
            {
                continue;
            }

            text.Append(listed++ == 0 ? "" : "; ").Append(candidate.Model).Append(" (")
                .AppendJoin(", ", ExclusionReasons.CodesOf(reasons)).Append(')');
        }

        return text.ToString();
    }

    private static string Failures(ExclusionReason reasons, in RequestRequirements needs)
    {
        var text = new StringBuilder();
        while (reasons != ExclusionReason.None)
        {
            var first = ExclusionReasons.First(reasons);
            text.Append(text.Length == 0 ? "" : " and ").Append(ExclusionReasons.Failure(first)).Append(Detail(first, needs));
            reasons &= ~first;
        }

        return text.ToString();
    }

    private static string Detail(ExclusionReason reason, in RequestRequirements needs) => reason switch
    {
        ExclusionReason.ContextWindow => $" (this request needs about {needs.ContextTokens} tokens: input plus max output)",
        ExclusionReason.Region => needs.Region is null ? "" : $" ('{needs.Region}')",
        ExclusionReason.TooSlow => $" ({needs.MaxLatencyMs} ms)",
        _ => "",
    };

    private static RouteDecision Fail(SelectionErrorKind kind, string message, ExcludedCandidate[] excluded) =>
        new() { Error = new SelectionError(kind, message), Excluded = excluded };
}

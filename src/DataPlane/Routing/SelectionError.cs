namespace Platform.DataPlane.Routing;

/// <summary>Why selection failed, ready for an OpenAI-shaped error (<c>status</c>, <c>code</c>, <c>message</c>).</summary>
internal sealed record SelectionError(SelectionErrorKind Kind, string Message)
{
    public int StatusCode => Kind switch
    {
        SelectionErrorKind.ModelNotFound => 404,
        SelectionErrorKind.PermissionDenied => 403,
        SelectionErrorKind.NoEligibleCandidate => 400,
        _ => 503,
    };

    public string Code => Kind switch
    {
        SelectionErrorKind.ModelNotFound => "model_not_found",
        SelectionErrorKind.PermissionDenied => "permission_denied",
        SelectionErrorKind.NoEligibleCandidate => "no_eligible_candidate",
        _ => "no_healthy_candidate",
    };
}

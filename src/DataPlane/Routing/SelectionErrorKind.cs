namespace Platform.DataPlane.Routing;

internal enum SelectionErrorKind
{
    /// <summary>404 <c>model_not_found</c>: the reference names no route, tier or model.</summary>
    ModelNotFound,

    /// <summary>403 <c>permission_denied</c>: the key's scope excludes the route, tier or model.</summary>
    PermissionDenied,

    /// <summary>400 <c>no_eligible_candidate</c>: no candidate can serve this request (capabilities, context, region, approval).</summary>
    NoEligibleCandidate,

    /// <summary>503 <c>no_healthy_candidate</c>: a candidate could serve it but is circuit-open, too slow or disabled.</summary>
    NoHealthyCandidate,
}

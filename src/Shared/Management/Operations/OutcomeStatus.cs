namespace Platform.Shared.Management.Operations;

/// <summary>How an operation ended. The API maps each to one HTTP status; the dashboard to a message or field errors.</summary>
public enum OutcomeStatus
{
    Ok,

    /// <summary>No such row in the caller's tenant (another tenant's row is "not found" too, never "forbidden").</summary>
    NotFound,

    /// <summary>The change contradicts the current state (a duplicate name, rotating a revoked key).</summary>
    Conflict,

    /// <summary>The input failed validation; <see cref="Failure.Errors"/> says which fields.</summary>
    Invalid,

    /// <summary>The row changed since the caller read it (its ETag moved).</summary>
    PreconditionFailed,

    /// <summary>The caller's role may not do this.</summary>
    Forbidden,

    /// <summary>Nobody is signed in, or the session no longer stands (a revoked client, a deleted user).</summary>
    Unauthorized,
}

using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Access;

/// <summary>The permission check every operation starts with, so the API and the dashboard refuse alike.</summary>
internal static class CallerPermissions
{
    /// <returns>Null when the caller may; otherwise the refusal to return.</returns>
    public static Failure? Refuses(this Caller caller, Permission needed)
    {
        // An operation resolved outside a request or a dashboard call has nobody to act for.
        if (!caller.IsResolved)
        {
            return Failure.Unauthorized();
        }

        return caller.Role.Allows(needed)
            ? null
            : Failure.Forbidden($"The {caller.Role.ToString().ToLowerInvariant()} role may not do this ({needed}).");
    }
}

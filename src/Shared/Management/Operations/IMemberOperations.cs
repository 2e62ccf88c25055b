namespace Platform.Shared.Management.Operations;

/// <summary>
/// The tenant's members, for the management API (<c>/api/v1/members</c>) and the dashboard's members
/// page alike. Every member may list them; changing a role or removing someone needs the right to
/// manage members, and the caller may only give or take a role they could grant (only an owner
/// touches the owner role). The tenant always keeps at least one owner.
/// </summary>
public interface IMemberOperations
{
    Task<Outcome<Page<MemberView>>> ListAsync(MemberQuery query, CancellationToken ct);

    Task<Outcome<MemberView>> GetAsync(Guid userId, CancellationToken ct);

    /// <param name="ifMatch">The membership's ETag as read (If-Match); null means last writer wins.</param>
    Task<Outcome<MemberView>> ChangeRoleAsync(Guid userId, MemberRoleInput input, string? ifMatch, CancellationToken ct);

    /// <returns>The member as they were.</returns>
    Task<Outcome<MemberView>> RemoveAsync(Guid userId, string? ifMatch, CancellationToken ct);
}

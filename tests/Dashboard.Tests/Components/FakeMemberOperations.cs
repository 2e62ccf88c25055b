using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Tests.Components;

/// <summary>An owner, an admin and a viewer of <c>acme</c>; records role changes and removals, and answers them with <see cref="OnChangeRole"/>.</summary>
internal sealed class FakeMemberOperations : IMemberOperations
{
    public List<MemberView> Members { get; } =
    [
        Member("owner@acme.test", "owner"),
        Member("admin@acme.test", "admin"),
        Member("viewer@acme.test", "viewer"),
    ];

    public List<(Guid UserId, string Role)> RoleChanges { get; } = [];

    public List<Guid> Removed { get; } = [];

    /// <summary>What a role change answers; by default the member with the new role.</summary>
    public Func<MemberView, MemberRoleInput, Outcome<MemberView>> OnChangeRole { get; set; } =
        (member, input) => Outcome.Ok(member with { Role = input.Role });

    public static MemberView Member(string email, string role) =>
        new(Guid.NewGuid(), email, null, role, new DateTime(2026, 4, 1, 9, 0, 0, DateTimeKind.Utc));

    public Task<Outcome<Page<MemberView>>> ListAsync(MemberQuery query, CancellationToken ct)
    {
        var paging = Paging.From(query.Page, query.PageSize);
        var items = Members.Skip(paging.Skip).Take(paging.PageSize).ToList();
        return Task.FromResult(Outcome.Ok(new Page<MemberView>(items, paging.PageNumber, paging.PageSize, Members.Count)));
    }

    public Task<Outcome<MemberView>> GetAsync(Guid userId, CancellationToken ct) =>
        Task.FromResult<Outcome<MemberView>>(Failure.NotFound("member"));

    public Task<Outcome<MemberView>> ChangeRoleAsync(Guid userId, MemberRoleInput input, string? ifMatch, CancellationToken ct)
    {
        RoleChanges.Add((userId, input.Role));
        var index = Members.FindIndex(m => m.UserId == userId);
        var outcome = OnChangeRole(Members[index], input);
        if (outcome.Succeeded)
        {
            Members[index] = outcome.Value;
        }

        return Task.FromResult(outcome);
    }

    public Task<Outcome<MemberView>> RemoveAsync(Guid userId, string? ifMatch, CancellationToken ct)
    {
        Removed.Add(userId);
        var member = Members.Single(m => m.UserId == userId);
        Members.Remove(member);
        return Task.FromResult(Outcome.Ok(member));
    }
}

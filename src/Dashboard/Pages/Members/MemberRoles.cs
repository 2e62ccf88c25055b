namespace Platform.Dashboard.Pages.Members;

/// <summary>
/// The roles, and which of them a member may give or take: the rule the member operations enforce
/// (an owner touches every role; an admin only admin and viewer), repeated here only to offer
/// what would not be refused. The operation still decides.
/// </summary>
public static class MemberRoles
{
    public static readonly IReadOnlyList<string> All = ["owner", "admin", "finance", "viewer"];

    public static bool MayGrant(string? callerRole, string role) => callerRole switch
    {
        "owner" => true,
        "admin" => role is "admin" or "viewer",
        _ => false,
    };

    public static IReadOnlyList<string> Grantable(string? callerRole) => [.. All.Where(r => MayGrant(callerRole, r))];
}

using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ControlPlane.Access;
using Platform.ControlPlane.Features.Members;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Api;

/// <summary>
/// <c>/api/v1/members</c>: the HTTP face of <see cref="IMemberOperations"/>. Every member may list
/// them; changing a role or removing someone, the owner rule and the last-owner rule are the
/// operation's, shared with the dashboard's members page.
/// </summary>
internal static class MemberEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var members = api.MapGroup("/members").WithTags("Members");
        members.MapGet("", ListAsync);
        members.MapGet("/{userId:guid}", GetAsync);
        members.MapPut("/{userId:guid}", ChangeRoleAsync);
        members.MapDelete("/{userId:guid}", RemoveAsync);
    }

    /// <summary>How the audit log and tenant creation show a new member.</summary>
    public static MemberView View(Membership membership, PlatformUser user) => MemberOperations.View(membership, user);

    /// <param name="role"><c>owner</c>, <c>admin</c>, <c>finance</c> or <c>viewer</c>.</param>
    private static async Task<Results<Ok<Page<MemberView>>, ProblemHttpResult>> ListAsync(
        IMemberOperations members, string? role, int? page, int? pageSize, CancellationToken ct) =>
        OutcomeResults.Ok(await members.ListAsync(new MemberQuery(role, page, pageSize), ct));

    private static async Task<Results<Ok<MemberView>, ProblemHttpResult>> GetAsync(
        Guid userId, IMemberOperations members, HttpResponse response, CancellationToken ct) =>
        OutcomeResults.Ok(await members.GetAsync(userId, ct), response);

    private static async Task<Results<Ok<MemberView>, ProblemHttpResult>> ChangeRoleAsync(
        Guid userId, MemberRoleInput input, IMemberOperations members, HttpRequest request, HttpResponse response, CancellationToken ct) =>
        OutcomeResults.Ok(await members.ChangeRoleAsync(userId, input, ETags.IfMatch(request), ct), response);

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        Guid userId, IMemberOperations members, HttpRequest request, CancellationToken ct)
    {
        var outcome = await members.RemoveAsync(userId, ETags.IfMatch(request), ct);
        return outcome.Succeeded ? TypedResults.NoContent() : Problems.Of(outcome.Failure);
    }
}

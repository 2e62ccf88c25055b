using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ControlPlane.Access;
using Platform.ControlPlane.Features.Members;
using Platform.Shared.Domain;
using Platform.Shared.Mail;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Api;

/// <summary>
/// <c>/api/v1/invitations</c>: the HTTP face of <see cref="IInvitationOperations"/>: invite someone
/// by e-mail with a role, list, revoke. Accepting is <see cref="InvitationAcceptEndpoint"/>, outside the tenant scope.
/// </summary>
internal static class InvitationEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var invitations = api.MapGroup("/invitations").WithTags("Invitations");
        invitations.MapGet("", ListAsync);
        invitations.MapGet("/{id:guid}", GetAsync);
        invitations.MapPost("", CreateAsync);
        invitations.MapDelete("/{id:guid}", RevokeAsync);
    }

    /// <summary>How the issuer and the audit log show an invitation.</summary>
    public static InvitationView View(Invitation i, DateTime now) => InvitationOperations.View(i, now);

    /// <param name="status"><c>pending</c>, <c>accepted</c> or <c>expired</c>.</param>
    private static async Task<Results<Ok<Page<InvitationView>>, ProblemHttpResult>> ListAsync(
        IInvitationOperations invitations, string? status, int? page, int? pageSize, CancellationToken ct) =>
        OutcomeResults.Ok(await invitations.ListAsync(new InvitationQuery(status, page, pageSize), ct));

    private static async Task<Results<Ok<InvitationView>, ProblemHttpResult>> GetAsync(
        Guid id, IInvitationOperations invitations, CancellationToken ct) =>
        OutcomeResults.Ok(await invitations.GetAsync(id, ct));

    private static async Task<Results<Created<InvitationCreated>, ProblemHttpResult>> CreateAsync(
        InvitationInput input, IInvitationOperations invitations, HttpResponse response, CancellationToken ct)
    {
        try
        {
            return OutcomeResults.Created(await invitations.CreateAsync(input, ct), response, created => $"/api/v1/invitations/{created.Invitation.Id}");
        }
        catch (EmailDeliveryException)
        {
            return InvitationIssuer.NotSent();
        }
    }

    /// <summary>Deletes a pending (or expired) invitation, so its link stops working at once.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(Guid id, IInvitationOperations invitations, CancellationToken ct)
    {
        var outcome = await invitations.RevokeAsync(id, ct);
        return outcome.Succeeded ? TypedResults.NoContent() : Problems.Of(outcome.Failure);
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ControlPlane.Access;
using Platform.ControlPlane.Features.Members;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Api;

/// <summary>
/// <c>POST /api/v1/invitations/accept</c>, anonymous: the token is the credential (see
/// <see cref="InvitationAcceptance"/>, which the dashboard's <c>/invite/{token}</c> page runs too).
/// A token that was valid once but is used or expired answers 410 Gone.
/// </summary>
internal static class InvitationAcceptEndpoint
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/invitations/accept", AcceptAsync).AllowAnonymous().WithTags("Invitations");

    private static async Task<Results<Ok<AcceptedInvitation>, ProblemHttpResult>> AcceptAsync(
        AcceptInvitationInput input, HttpContext http, IInvitationOperations invitations, CancellationToken ct)
    {
        var outcome = await invitations.AcceptAsync(input, http.User, ct);
        if (outcome.Succeeded)
        {
            return TypedResults.Ok(outcome.Value);
        }

        return InvitationAcceptance.IsSpent(outcome.Failure)
            ? TypedResults.Problem(statusCode: StatusCodes.Status410Gone, title: "Gone", detail: outcome.Failure.Detail)
            : Problems.Of(outcome.Failure);
    }
}

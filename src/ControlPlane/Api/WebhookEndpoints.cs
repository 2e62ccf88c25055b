using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Api;

/// <summary>
/// <c>/api/v1/webhooks/signing-secret</c>: the secret that signs the tenant's alert webhooks.
/// Reading says only whether one exists; rotating makes a new one and shows it once (see
/// <see cref="IAlertOperations.RotateSigningSecretAsync"/>, shared with the dashboard).
/// </summary>
internal static class WebhookEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var secret = api.MapGroup("/webhooks/signing-secret").WithTags("Webhooks");
        secret.MapGet("", GetAsync);
        secret.MapPost("/rotate", RotateAsync);
    }

    private static async Task<Results<Ok<WebhookSigningSecretView>, ProblemHttpResult>> GetAsync(IAlertOperations alerts, CancellationToken ct) =>
        OutcomeResults.Ok(await alerts.SigningSecretAsync(ct));

    private static async Task<Results<Ok<WebhookSigningSecretCreated>, ProblemHttpResult>> RotateAsync(IAlertOperations alerts, CancellationToken ct) =>
        OutcomeResults.Ok(await alerts.RotateSigningSecretAsync(ct));
}

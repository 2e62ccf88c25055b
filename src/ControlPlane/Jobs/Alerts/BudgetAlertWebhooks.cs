using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Polly;
using Polly.Retry;

namespace Platform.ControlPlane.Jobs.Alerts;

/// <summary>
/// POSTs an alert to the budget's webhook, signed (<see cref="WebhookSignature"/>). A 2xx answer
/// delivers it; anything else (another status, a refused connection, a timeout) is retried a few
/// times within the run with exponential backoff and jitter, and again on later runs, up to
/// <see cref="BudgetAlertOptions.WebhookMaxAttempts"/> tries in all. Every try counts in
/// <c>WebhookAttempts</c>; the last failure is kept in <c>LastError</c>, without the URL.
/// </summary>
internal sealed partial class BudgetAlertWebhooks(
    IHttpClientFactory clients, WebhookSigningSecrets secrets, IOptions<BudgetAlertOptions> options, TimeProvider time,
    ILogger<BudgetAlertWebhooks> logger)
{
    public const string HttpClientName = "budget-alert-webhooks";

    public async Task DeliverAsync(PlatformDbContext db, Alert alert, string url, BudgetAlertNotice notice, CancellationToken ct)
    {
        var settings = options.Value;
        var tries = Math.Min(settings.WebhookTriesPerRun, settings.WebhookMaxAttempts - alert.WebhookAttempts);
        if (tries <= 0)
        {
            return;
        }

        string secret;
        try
        {
            secret = await secrets.GetOrCreateAsync(db, alert.TenantId, ct);
        }
        catch (CryptographicException)
        {
            // The Data Protection keys that sealed it are gone: only a new secret helps, and the receiver must learn it.
            alert.LastError = AlertErrors.Webhook("the signing secret cannot be unsealed; rotate it (POST /api/v1/webhooks/signing-secret/rotate)");
            LogFailed(logger, alert.Id, alert.WebhookAttempts, alert.LastError);
            return;
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(BudgetAlertPayload.Of(notice), BudgetAlertJsonContext.Default.BudgetAlertPayload);
        var client = clients.CreateClient(HttpClientName);
        var delivered = await Pipeline(tries, settings.WebhookRetryDelay).ExecuteAsync(
            async token => await TryAsync(client, url, secret, body, alert, token), ct);
        if (delivered)
        {
            alert.WebhookSentAt = time.GetUtcNow().UtcDateTime;
            LogSent(logger, alert.Id, alert.WebhookAttempts);
        }
        else
        {
            LogFailed(logger, alert.Id, alert.WebhookAttempts, alert.LastError ?? "");
        }
    }

    /// <summary>One try: true when the receiver answered 2xx. Failures are recorded on the alert, never thrown.</summary>
    private async Task<bool> TryAsync(HttpClient client, string url, string secret, byte[] body, Alert alert, CancellationToken ct)
    {
        alert.WebhookAttempts++;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.TryAddWithoutValidation(WebhookSignature.Header, WebhookSignature.Sign(secret, time.GetUtcNow().ToUnixTimeSeconds(), body));
            request.Headers.TryAddWithoutValidation("Idempotency-Key", alert.Id.ToString());
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if (response.IsSuccessStatusCode)
            {
                return true;
            }

            alert.LastError = AlertErrors.Webhook($"the receiver answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }
        catch (HttpRequestException ex)
        {
            alert.LastError = AlertErrors.Webhook(ex.Message);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            alert.LastError = AlertErrors.Webhook($"no answer within {client.Timeout.TotalSeconds:0.#} s");
        }
        catch (Exception ex) when (ex is UriFormatException or InvalidOperationException or NotSupportedException)
        {
            // A URL written before today's validation, or by hand: not one HttpClient can send to.
            alert.LastError = AlertErrors.Webhook("the webhook URL is not an absolute http or https URL");
        }

        return false;
    }

    private ResiliencePipeline<bool> Pipeline(int tries, TimeSpan delay)
    {
        var builder = new ResiliencePipelineBuilder<bool> { TimeProvider = time };
        if (tries > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<bool>
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is false),
                MaxRetryAttempts = tries - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = delay,
            });
        }

        return builder.Build();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Budget alert {AlertId} delivered to its webhook (try {Attempts})")]
    private static partial void LogSent(ILogger logger, Guid alertId, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Budget alert {AlertId} not delivered to its webhook after {Attempts} tries: {Reason}")]
    private static partial void LogFailed(ILogger logger, Guid alertId, int attempts, string reason);
}

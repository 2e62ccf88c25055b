using System.Net;
using System.Security.Cryptography;
using Platform.Shared.Domain;
using Platform.Shared.Management;
using Platform.Shared.Security;

namespace Platform.ControlPlane.Api;

/// <summary>
/// "Test connection": lists the provider's models with the stored credential, the cheapest call
/// every provider answers and the one that proves both the URL and the credential. The answer says
/// what went wrong in words; it never carries the credential or the provider's body.
/// </summary>
internal sealed class ProviderConnectionTester(IHttpClientFactory clients, ICredentialProtector protector, TimeProvider time)
{
    public const string HttpClientName = "provider-test";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<ProviderTestResult> TestAsync(Provider provider, CancellationToken ct)
    {
        string? credential;
        try
        {
            credential = provider.EncryptedCredential is { } stored ? protector.Unprotect(stored) : null;
        }
        catch (CryptographicException)
        {
            return new ProviderTestResult(false, null, 0, "The stored credential cannot be decrypted (its key is gone); set the credential again.");
        }

        using var request = Request(provider.Kind, new Uri(provider.BaseUrl), credential);
        using var timeout = new CancellationTokenSource(Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        var started = time.GetTimestamp();
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var status = (int)response.StatusCode;
            return new ProviderTestResult(response.IsSuccessStatusCode, status, Elapsed(started), Explain(response.StatusCode, request.RequestUri!));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new ProviderTestResult(false, null, Elapsed(started), $"No answer from {Origin(request)} within {Timeout.TotalSeconds:0} s.");
        }
        catch (HttpRequestException e)
        {
            return new ProviderTestResult(false, null, Elapsed(started), $"Cannot reach {Origin(request)}: {e.Message}");
        }
    }

    /// <summary>The model list of each wire format; the credential goes in a header, never in the URL (URLs get logged).</summary>
    private static HttpRequestMessage Request(ProviderKind kind, Uri baseUrl, string? credential)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, ModelsUrl(kind, baseUrl));
        if (kind == ProviderKind.Anthropic)
        {
            request.Headers.TryAddWithoutValidation("anthropic-version", "2023-06-01");
        }

        if (string.IsNullOrEmpty(credential))
        {
            return request;
        }

        var (header, value) = kind switch
        {
            ProviderKind.Anthropic => ("x-api-key", credential),
            ProviderKind.Gemini => ("x-goog-api-key", credential),
            _ => ("Authorization", "Bearer " + credential),
        };
        request.Headers.TryAddWithoutValidation(header, value);
        return request;
    }

    /// <summary>
    /// As the data plane builds upstream URLs: a base already ending in the version segment is used
    /// as is, otherwise the segment is appended (<c>https://api.openai.com</c> and <c>…/v1</c> both work).
    /// </summary>
    private static Uri ModelsUrl(ProviderKind kind, Uri baseUrl)
    {
        var version = kind == ProviderKind.Gemini ? "v1beta" : "v1";
        var basePath = baseUrl.AbsolutePath.TrimEnd('/');
        var versioned = basePath.EndsWith("/" + version, StringComparison.OrdinalIgnoreCase) ? basePath : basePath + "/" + version;
        return new UriBuilder(baseUrl) { Path = versioned + "/models" }.Uri;
    }

    private static string? Explain(HttpStatusCode status, Uri url) => (int)status switch
    {
        >= 200 and < 300 => null,
        401 or 403 => $"GET {url.AbsolutePath} answered {(int)status} {status}: the provider refused the credential; set a valid one.",
        404 or 405 => $"GET {url.AbsolutePath} answered {(int)status} {status}: no model list there; check the base URL and the kind.",
        429 => $"GET {url.AbsolutePath} answered 429: the provider is rate limiting this credential (the URL and credential work).",
        _ => $"GET {url.AbsolutePath} answered {(int)status} {status}.",
    };

    private static string Origin(HttpRequestMessage request) => request.RequestUri!.GetLeftPart(UriPartial.Authority);

    private long Elapsed(long started) => (long)time.GetElapsedTime(started).TotalMilliseconds;
}

using System.Net;
using Platform.DataPlane.Forwarding;
using Platform.DataPlane.Providers.Http;

namespace Platform.DataPlane.Tests.Protocols;

public sealed class UpstreamPlumbingTests
{
    [Theory]
    [InlineData("https://api.openai.com", "https://api.openai.com/v1/chat/completions")]
    [InlineData("https://api.openai.com/", "https://api.openai.com/v1/chat/completions")]
    [InlineData("https://api.openai.com/v1", "https://api.openai.com/v1/chat/completions")]
    [InlineData("https://api.openai.com/v1/", "https://api.openai.com/v1/chat/completions")]
    [InlineData("https://api.groq.com/openai", "https://api.groq.com/openai/v1/chat/completions")]
    [InlineData("https://x.azure.com/openai/v1?api-version=preview", "https://x.azure.com/openai/v1/chat/completions?api-version=preview")]
    public void Combine_BaseUrlWithOrWithoutVersion_ReachesOneEndpoint(string baseUrl, string expected) =>
        Assert.Equal(expected, UpstreamUrls.Combine(new Uri(baseUrl), "v1", "/chat/completions").ToString());

    [Fact]
    public void RetryAfter_MillisecondsHeader_WinsOverSeconds()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("retry-after-ms", "1500");
        response.Headers.TryAddWithoutValidation("Retry-After", "9");

        Assert.Equal(TimeSpan.FromMilliseconds(1500), RetryAfter.Parse(response.Headers, DateTimeOffset.UtcNow));
    }

    [Fact]
    public void RetryAfter_HttpDate_IsTimeUntilThen()
    {
        var now = new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", now.AddSeconds(30).ToString("R"));

        Assert.Equal(TimeSpan.FromSeconds(30), RetryAfter.Parse(response.Headers, now));
    }

    [Fact]
    public void RetryAfter_Absent_IsNull()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);

        Assert.Null(RetryAfter.Parse(response.Headers, DateTimeOffset.UtcNow));
    }

    [Theory]
    [InlineData(401, (int)ErrorClass.Auth)]
    [InlineData(403, (int)ErrorClass.Auth)]
    [InlineData(404, (int)ErrorClass.BadRequest)]
    [InlineData(429, (int)ErrorClass.RateLimited)]
    [InlineData(500, (int)ErrorClass.ServerError)]
    [InlineData(502, (int)ErrorClass.ServerError)]
    [InlineData(503, (int)ErrorClass.Overloaded)]
    [InlineData(504, (int)ErrorClass.ServerError)]
    [InlineData(529, (int)ErrorClass.Overloaded)]
    public void FromStatus_Status_MapsClass(int status, int expected) =>
        Assert.Equal((ErrorClass)expected, UpstreamErrors.FromStatus(status, default, null, "p", null).ErrorClass);

    [Fact]
    public void FromStatus_MessageEchoesCredential_CredentialIsMasked()
    {
        var body = new ProviderErrorBody("Incorrect API key provided: sk-secret-123.", "invalid_request_error", "invalid_api_key", null);

        var exception = UpstreamErrors.FromStatus(401, body, null, "openai-compatible", "sk-secret-123");

        Assert.DoesNotContain("sk-secret-123", exception.Message, StringComparison.Ordinal);
        Assert.Equal(401, exception.Status);
    }
}

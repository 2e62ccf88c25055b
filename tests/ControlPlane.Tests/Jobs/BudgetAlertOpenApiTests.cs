using System.Text.Json;

namespace Platform.ControlPlane.Tests.Jobs;

/// <summary>The alert history and the webhook signing-secret endpoints are in the OpenAPI document, with their response schemas.</summary>
[Collection(ControlPlaneCollection.Name)]
public sealed class BudgetAlertOpenApiTests(ControlPlaneFixture fixture)
{
    [Theory]
    [InlineData("/api/v1/alerts", "get", "BudgetAlertView")]
    [InlineData("/api/v1/budgets/{id}/alerts", "get", "BudgetAlertView")]
    [InlineData("/api/v1/webhooks/signing-secret", "get", "WebhookSigningSecretView")]
    [InlineData("/api/v1/webhooks/signing-secret/rotate", "post", "WebhookSigningSecretCreated")]
    public async Task OpenApiDocument_DescribesTheEndpoint_WithItsResponseSchema(string path, string method, string schema)
    {
        using var client = fixture.NewClient();

        using var response = await client.GetAsync("/api/v1/openapi.json");
        var document = await ControlPlaneFixture.JsonAsync(response);

        Assert.True(document.GetProperty("paths").TryGetProperty(path, out var operations), path);
        var ok = operations.GetProperty(method).GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.Contains(schema, ok.GetRawText() + Referenced(document, ok), StringComparison.Ordinal);
        Assert.True(document.GetProperty("components").GetProperty("schemas").TryGetProperty(schema, out _), schema);
    }

    /// <summary>A page's schema names the item schema one reference deeper.</summary>
    private static string Referenced(JsonElement document, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]).GetRawText()
            : "";
}

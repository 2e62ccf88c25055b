using System.Text.Json;

namespace Platform.Simulator.Tests.Support;

/// <summary>Asserts a provider's error body and returns its distinguishing field (OpenAI code, Anthropic type, Gemini status).</summary>
public static class ErrorShape
{
    public static string? Marker(Wire wire, JsonElement body)
    {
        switch (wire)
        {
            case Wire.OpenAi:
            {
                var error = body.GetProperty("error");
                Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
                Assert.Equal(JsonValueKind.String, error.GetProperty("type").ValueKind);
                var code = error.GetProperty("code");
                return code.ValueKind == JsonValueKind.Null ? error.GetProperty("type").GetString() : code.GetString();
            }

            case Wire.Anthropic:
            {
                Assert.Equal("error", body.GetProperty("type").GetString());
                var error = body.GetProperty("error");
                Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
                return error.GetProperty("type").GetString();
            }

            default:
            {
                var error = body.GetProperty("error");
                Assert.Equal(JsonValueKind.Number, error.GetProperty("code").ValueKind);
                Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
                return error.GetProperty("status").GetString();
            }
        }
    }
}

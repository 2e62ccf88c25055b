using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Platform.DataPlane.Tests.Integration;

/// <summary>
/// Mutated, truncated and random bodies over HTTP, seeded so a failure replays: the host never
/// answers 5xx, and every refusal is a JSON error in the endpoint's format.
/// </summary>
[Collection(DataPlaneCollection.Name)]
public sealed class HttpFuzzTests(DataPlaneFixture fixture)
{
    private const int BodiesPerEndpoint = 1000;

    private const string OpenAiSeed = """
        {"model":"oa/gpt","messages":[{"role":"system","content":"s"},{"role":"user","content":[{"type":"text","text":"hi"}]},
        {"role":"assistant","content":null,"tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":"{}"}}]},{"role":"tool","tool_call_id":"c","content":"r"}],
        "tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object"}}}],"tool_choice":"auto","response_format":{"type":"json_object"},
        "max_tokens":5,"temperature":1,"top_p":1,"stop":["x"],"stream":false,"metadata":{"feature":"fuzz"}}
        """;

    private const string AnthropicSeed = """
        {"model":"an/claude","max_tokens":9,"system":[{"type":"text","text":"s"}],"messages":[{"role":"user","content":[{"type":"text","text":"hi"}]},
        {"role":"assistant","content":[{"type":"tool_use","id":"t","name":"f","input":{"a":1}}]},{"role":"user","content":[{"type":"tool_result","tool_use_id":"t","content":"ok"}]}],
        "tools":[{"name":"f","input_schema":{"type":"object"}}],"tool_choice":{"type":"auto"},"stop_sequences":["x"],"temperature":0.5,"stream":false}
        """;

    private static readonly string[] Replacements = ["null", "0", "-1", "1e999", "\"\"", "\"x\"", "[]", "{}", "true", "[{}]", "{\"a\":[]}", "\"\\ud800\""];

    private static readonly byte[] Tokens = Encoding.UTF8.GetBytes("{}[]\":,0123456789-.eEtruefalsnul\\ \u00e9");

    [Theory]
    [InlineData("/v1/chat/completions", 17)]
    [InlineData("/v1/messages", 29)]
    public async Task Post_MutatedBodies_NoServerErrorAndErrorsInCallerShape(string path, int seed)
    {
        var tenant = await fixture.CreateTenantAsync(TenantYaml.Standard());
        var anthropic = path == "/v1/messages";
        var valid = Encoding.UTF8.GetBytes(anthropic ? AnthropicSeed : OpenAiSeed);
        var random = new Random(seed);
        var statuses = new Dictionary<int, int>();
        for (var i = 0; i < BodiesPerEndpoint; i++)
        {
            var body = Mutate(valid, random);
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tenant.Key);
            using var response = await fixture.Client.SendAsync(request);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var text = await response.Content.ReadAsStringAsync();
            var replay = $"seed {seed}, body {i}: {Encoding.UTF8.GetString(body)}\n-> {status} {text}";
            Assert.True(status < 500, replay);
            if (status >= 400)
            {
                AssertErrorShape(text, anthropic, replay);
            }
        }

        Assert.True(statuses.Where(s => s.Key >= 400).Sum(s => s.Value) > BodiesPerEndpoint / 2, "too few refusals: " + string.Join(", ", statuses));
        Assert.True(statuses.GetValueOrDefault(200) > 0, "no mutation was accepted; the fuzzer is not exploring near-valid bodies");
    }

    private static void AssertErrorShape(string text, bool anthropic, string replay)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(text);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            Assert.Fail("not JSON: " + replay);
            return;
        }

        if (anthropic)
        {
            Assert.True(root.TryGetProperty("type", out var type) && type.GetString() == "error", replay);
            Assert.True(root.GetProperty("error").TryGetProperty("type", out _), replay);
            Assert.True(root.GetProperty("error").TryGetProperty("message", out _), replay);
        }
        else
        {
            Assert.True(root.TryGetProperty("error", out var error), replay);
            Assert.True(error.TryGetProperty("message", out _) && error.TryGetProperty("type", out _) && error.TryGetProperty("code", out _), replay);
        }
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        switch (random.Next(6))
        {
            case 0:
                return seed[..random.Next(seed.Length)];
            case 1:
                var noise = new byte[random.Next(64)];
                random.NextBytes(noise);
                return noise;
            case 2:
                return ReplaceValue(seed, random);
            default:
                var body = (byte[])seed.Clone();
                var edits = 1 + random.Next(3);
                for (var e = 0; e < edits; e++)
                {
                    body[random.Next(body.Length)] = Tokens[random.Next(Tokens.Length)];
                }

                return body;
        }
    }

    /// <summary>Swaps the value after one random ':' for a value of another type (wrong types, near-valid JSON).</summary>
    private static byte[] ReplaceValue(byte[] seed, Random random)
    {
        var text = Encoding.UTF8.GetString(seed);
        var colons = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ':')
            {
                colons.Add(i);
            }
        }

        var at = colons[random.Next(colons.Count)] + 1;
        var end = ValueEnd(text, at);
        return Encoding.UTF8.GetBytes(string.Concat(text.AsSpan(0, at), Replacements[random.Next(Replacements.Length)], text.AsSpan(end)));
    }

    private static int ValueEnd(string text, int start)
    {
        var depth = 0;
        var inString = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                    if (depth == 0)
                    {
                        return i + 1;
                    }
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '{' or '[':
                    depth++;
                    break;
                case '}' or ']':
                    if (depth == 0)
                    {
                        return i;
                    }

                    depth--;
                    if (depth == 0)
                    {
                        return i + 1;
                    }

                    break;
                case ',' when depth == 0:
                    return i;
            }
        }

        return text.Length;
    }
}

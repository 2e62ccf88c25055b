using System.Text;
using Platform.DataPlane.Protocols;
using Platform.DataPlane.Protocols.Anthropic;
using Platform.DataPlane.Protocols.OpenAi;

namespace Platform.DataPlane.Tests.Protocols;

/// <summary>Mutated, truncated and random bodies: a reader may accept or refuse, but never throws anything else.</summary>
public sealed class RequestReaderFuzzTests
{
    private const int Iterations = 4000;

    private static readonly byte[] OpenAiSeed = Encoding.UTF8.GetBytes("""
        {"model":"gpt-4o","messages":[{"role":"system","content":"s"},{"role":"user","content":[{"type":"text","text":"hi"},{"type":"image_url","image_url":{"url":"data:image/png;base64,AA"}}]},
        {"role":"assistant","content":null,"tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":"{}"}}]},{"role":"tool","tool_call_id":"c","content":"r"}],
        "tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object"}}}],"tool_choice":"auto","response_format":{"type":"json_schema","json_schema":{"name":"n","schema":{}}},
        "max_tokens":5,"temperature":1,"top_p":1,"stop":["x"],"stream":true,"stream_options":{"include_usage":true},"metadata":{"a":"b"}}
        """);

    private static readonly byte[] AnthropicSeed = Encoding.UTF8.GetBytes("""
        {"model":"claude","max_tokens":9,"system":[{"type":"text","text":"s"}],"messages":[{"role":"user","content":[{"type":"text","text":"hi"},{"type":"image","source":{"type":"base64","media_type":"image/png","data":"AA"}}]},
        {"role":"assistant","content":[{"type":"tool_use","id":"t","name":"f","input":{"a":1}}]},{"role":"user","content":[{"type":"tool_result","tool_use_id":"t","content":"ok"}]}],
        "tools":[{"name":"f","input_schema":{"type":"object"}}],"tool_choice":{"type":"tool","name":"f"},"stop_sequences":["x"],"temperature":0.5,"stream":false,"metadata":{"user_id":"u"}}
        """);

    private static readonly byte[] EmbeddingsSeed = Encoding.UTF8.GetBytes("""{"model":"e","input":["a","b"],"dimensions":8,"encoding_format":"float"}""");

    private static readonly byte[] Tokens = Encoding.UTF8.GetBytes("{}[]\":,0123456789-.eEtruefalsnul\\ \u00e9");

    public static TheoryData<string> Readers => ["openai", "anthropic", "embeddings"];

    [Theory]
    [MemberData(nameof(Readers))]
    public void Read_MutatedBodies_OnlyClientRequestExceptionEscapes(string format)
    {
        var (seed, read) = format switch
        {
            "openai" => (OpenAiSeed, (Action<byte[]>)(body => OpenAiChatRequestReader.Read(body))),
            "anthropic" => (AnthropicSeed, body => AnthropicMessagesRequestReader.Read(body)),
            _ => (EmbeddingsSeed, (Action<byte[]>)(body => OpenAiEmbeddingsRequestReader.Read(body))),
        };
        read(seed); // The seed itself is valid, so mutations explore near-valid bodies.
        var random = new Random(format.Length * 7919);
        var accepted = 0;
        var refused = 0;
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            var body = Mutate(seed, random);
            try
            {
                read(body);
                accepted++;
            }
            catch (ClientRequestException exception)
            {
                Assert.False(string.IsNullOrEmpty(exception.Message));
                refused++;
            }
            catch (Exception exception)
            {
                Assert.Fail($"{exception.GetType().Name} escaped for body: {Encoding.UTF8.GetString(body)}\n{exception}");
            }
        }

        Assert.True(refused > Iterations / 2, $"only {refused} refusals");
        Assert.True(accepted > 0, "no mutation was accepted; the fuzzer is not exploring valid bodies");
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        switch (random.Next(5))
        {
            case 0:
                return seed[..random.Next(seed.Length)];
            case 1:
                var random1 = new byte[random.Next(64)];
                random.NextBytes(random1);
                return random1;
            default:
                var body = (byte[])seed.Clone();
                var edits = 1 + random.Next(4);
                for (var edit = 0; edit < edits; edit++)
                {
                    var at = random.Next(body.Length);
                    body[at] = random.Next(3) == 0 ? (byte)random.Next(256) : Tokens[random.Next(Tokens.Length)];
                }

                return body;
        }
    }
}

using System.Text;
using System.Text.Json;

namespace Platform.Benchmarks.Inputs;

/// <summary>
/// Upstream SSE bodies shaped exactly like the providers' (and the simulator's): a text answer of
/// <see cref="TextDeltas"/> deltas followed by one tool call whose arguments arrive in fragments, then usage and
/// the terminal event. About 9 KB for Anthropic, 12 KB for OpenAI.
/// </summary>
internal static class SseStreams
{
    public const int TextDeltas = 40;

    private static readonly string[] ArgumentFragments = ["{\"metric\":", "\"weekly_active", "_users\",\"reg", "ion\":\"eu\",", "\"weeks\":4}"];

    public static readonly byte[] Anthropic = BuildAnthropic();

    public static readonly byte[] OpenAi = BuildOpenAi();

    /// <summary>Events the client stream writer receives for this answer (start, deltas, tool call, finish, usage).</summary>
    public static int EventCount => 1 + TextDeltas + 1 + ArgumentFragments.Length + 2;

    private static string Word(int i) => $"token{i % 17} word{i} ";

    private static string Json(string text) => JsonSerializer.Serialize(text);

    private static byte[] BuildAnthropic()
    {
        var sse = new StringBuilder();
        void Event(string name, string data) => sse.Append("event: ").Append(name).Append("\ndata: ").Append(data).Append("\n\n");

        Event("message_start", """{"type":"message_start","message":{"id":"msg_00000001bdf7595df4db2abc","type":"message","role":"assistant","model":"claude-3-5-haiku-latest","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":412,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":1}}}""");
        Event("ping", """{"type":"ping"}""");
        Event("content_block_start", """{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}""");
        for (var i = 0; i < TextDeltas; i++)
        {
            Event("content_block_delta", """{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":""" + Json(Word(i)) + "}}");
        }

        Event("content_block_stop", """{"type":"content_block_stop","index":0}""");
        Event("content_block_start", """{"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"toolu_01A09q90qw90lq917835lq9","name":"lookup_metric","input":{}}}""");
        foreach (var fragment in ArgumentFragments)
        {
            Event("content_block_delta", """{"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":""" + Json(fragment) + "}}");
        }

        Event("content_block_stop", """{"type":"content_block_stop","index":1}""");
        Event("message_delta", """{"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":87}}""");
        Event("message_stop", """{"type":"message_stop"}""");
        return Encoding.UTF8.GetBytes(sse.ToString());
    }

    private static byte[] BuildOpenAi()
    {
        const string Head = """{"id":"chatcmpl-0000000376a44b641c4677a6","object":"chat.completion.chunk","created":1795489156,"model":"gpt-4o-mini","system_fingerprint":"fp_simulator","choices":[{"index":0,"delta":""";
        var sse = new StringBuilder();
        void Chunk(string delta, string finish) =>
            sse.Append("data: ").Append(Head).Append(delta).Append(""","logprobs":null,"finish_reason":""").Append(finish).Append("}]}\n\n");

        Chunk("""{"role":"assistant","content":""}""", "null");
        for (var i = 0; i < TextDeltas; i++)
        {
            Chunk("{\"content\":" + Json(Word(i)) + "}", "null");
        }

        Chunk("""{"tool_calls":[{"index":0,"id":"call_abc123","type":"function","function":{"name":"lookup_metric","arguments":""}}]}""", "null");
        foreach (var fragment in ArgumentFragments)
        {
            Chunk("""{"tool_calls":[{"index":0,"function":{"arguments":""" + Json(fragment) + "}}]}", "null");
        }

        Chunk("{}", "\"tool_calls\"");
        sse.Append("""data: {"id":"chatcmpl-0000000376a44b641c4677a6","object":"chat.completion.chunk","created":1795489156,"model":"gpt-4o-mini","choices":[],"usage":{"prompt_tokens":412,"completion_tokens":87,"total_tokens":499}}""").Append("\n\n");
        sse.Append("data: [DONE]\n\n");
        return Encoding.UTF8.GetBytes(sse.ToString());
    }
}

using System.Text;

namespace Platform.Simulator.Text;

/// <summary>Deterministic plain-word replies: the same seed always gives the same few sentences.</summary>
internal static class ReplyText
{
    private const int ToolResultQuoteLimit = 200;

    private static readonly string[] Words =
    [
        "the", "model", "answer", "simple", "clear", "request", "data", "signal", "stream", "token",
        "value", "quick", "steady", "light", "river", "stone", "paper", "green", "small", "open",
        "garden", "window", "market", "number", "future", "plan", "system", "result", "useful", "careful",
        "bright", "quiet", "north", "south", "early", "late", "table", "chart", "report", "summary",
        "detail", "point", "idea", "context", "reason", "example", "method", "record", "update", "review",
        "budget", "route", "policy", "team", "customer", "feature", "window", "layer", "metric", "trend",
        "balance", "cycle", "source", "target",
    ];

    public static string Generate(ulong seed)
    {
        var builder = new StringBuilder(320);
        AppendSentences(builder, seed);
        return builder.ToString();
    }

    public static string ForToolResult(ulong seed, string toolResult)
    {
        var quote = toolResult.Length > ToolResultQuoteLimit ? toolResult[..ToolResultQuoteLimit] : toolResult;
        var builder = new StringBuilder(320 + quote.Length);
        builder.Append("The tool returned ").Append(quote.ReplaceLineEndings(" ")).Append(". ");
        AppendSentences(builder, seed);
        return builder.ToString();
    }

    private static void AppendSentences(StringBuilder builder, ulong seed)
    {
        var random = new SplitMix(seed);
        var sentences = 2 + random.Next(3);
        for (var sentence = 0; sentence < sentences; sentence++)
        {
            if (sentence > 0)
            {
                builder.Append(' ');
            }

            var words = 6 + random.Next(7);
            for (var index = 0; index < words; index++)
            {
                var word = Words[random.Next(Words.Length)];
                if (index == 0)
                {
                    builder.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
                }
                else
                {
                    builder.Append(' ').Append(word);
                }
            }

            builder.Append('.');
        }
    }
}

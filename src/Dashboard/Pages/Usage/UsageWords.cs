using System.Globalization;
using MudBlazor;
using Platform.Shared.Management;

namespace Platform.Dashboard.Pages.Usage;

/// <summary>How the usage pages show a call: the same words in the list and the trace.</summary>
public static class UsageWords
{
    public static bool Failed(int? status) => status is null or >= 400;

    public static string Outcome(UsageRecordView call) => Failed(call.Status) ? $"error {call.Status}" : $"ok {call.Status}";

    public static Color ColorOf(UsageRecordView call) => Failed(call.Status) ? Color.Error : Color.Success;

    public static string Model(string? provider, string? model) =>
        (provider, model) switch
        {
            (null, null) => "—",
            (null, var m) => m!,
            (var p, null) => p!,
            var (p, m) => $"{p} / {m}",
        };

    public static string When(DateTime at) => at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    public static string Usd(decimal usd) => "$" + usd.ToString(usd != 0 && Math.Abs(usd) < 0.01m ? "0.######" : "0.00##", CultureInfo.InvariantCulture);

    public static string Ms(int? ms) => ms is { } value ? value.ToString("N0", CultureInfo.InvariantCulture) + " ms" : "—";

    public static string Tokens(int input, int output) =>
        $"{input.ToString("N0", CultureInfo.InvariantCulture)} in · {output.ToString("N0", CultureInfo.InvariantCulture)} out";

    /// <summary>The data plane records the strategy's enum name (<c>LeastCost</c>); config and docs spell it <c>leastCost</c>.</summary>
    public static string Strategy(string strategy) =>
        strategy.Length == 0 ? strategy : char.ToLowerInvariant(strategy[0]) + strategy[1..];

    public static string Prompt(UsageRecordView call) =>
        call.PromptName is not { } name ? "—"
        : name + (call.PromptVersion is { } version ? $" v{version}" : "") + (call.PromptLabel is { } label ? $" ({label})" : "");
}

using System.Text.RegularExpressions;
using Platform.Shared.Config;

namespace Platform.Shared.Management;

/// <summary>Checks and messages the policy validators share, worded like the config-as-code parser's.</summary>
internal static partial class PolicyRules
{
    public const int MaxCredentialLength = 2000;

    public const string RegionMessage = "Region may use letters, digits, '-' and '_' (at most 64), e.g. 'eu' or 'eu-west-1'.";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex Region();

    public static bool IsRegion(string? region) => region is not null && Region().IsMatch(region);

    public static string NameMessage(string what) =>
        $"{what} name may use only letters, digits, '.', '_' and '-' (at most 100), starting with a letter or digit.";

    public static string NotOneOf(string what, string? given, IReadOnlyList<string> allowed) =>
        $"'{given}' is not a valid {what}{Suggestions.DidYouMean(given ?? "", allowed)} ({Suggestions.OneOf(allowed)}).";
}

using Platform.DataPlane.Configuration;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Endpoints;

/// <summary>
/// The final degraded answer a fallback policy may choose when every candidate failed. In the
/// cached answer mode the response cache's answer to this exact request comes first; when it has
/// none, the fixed text (if one is set) is the answer.
/// </summary>
internal static class Degraded
{
    public static bool UsesCachedAnswer(FallbackRules rules) => rules.DegradedMode == DegradedMode.CachedAnswer;

    public static string? Answer(FallbackRules rules) => rules.DegradedMode switch
    {
        DegradedMode.FixedText or DegradedMode.CachedAnswer when !string.IsNullOrEmpty(rules.DegradedText) => rules.DegradedText,
        _ => null,
    };
}

using Platform.DataPlane.Configuration;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Endpoints;

/// <summary>
/// The final degraded answer a fallback policy may choose when every candidate failed. The cached
/// answer mode needs the response cache (usage issue); until then it answers with the fixed text
/// when one is set.
/// </summary>
internal static class Degraded
{
    public static string? Answer(FallbackRules rules) => rules.DegradedMode switch
    {
        DegradedMode.FixedText or DegradedMode.CachedAnswer when !string.IsNullOrEmpty(rules.DegradedText) => rules.DegradedText,
        _ => null,
    };
}

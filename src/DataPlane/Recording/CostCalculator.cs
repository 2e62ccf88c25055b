using Platform.DataPlane.Chat;
using Platform.DataPlane.Configuration;

namespace Platform.DataPlane.Recording;

/// <summary>
/// Prices a call at the catalog prices in the snapshot the call ran under. Prices are USD per
/// million tokens, so one token costs <c>price × 1000</c> nano-USD; cached input tokens are billed
/// at the cached price instead of the input price.
/// </summary>
internal static class CostCalculator
{
    private const decimal NanoPerTokenPerMillionPrice = 1000m;

    public static long NanoUsd(ModelPolicy model, Usage usage)
    {
        var cached = Math.Clamp(usage.CachedInputTokens, 0, usage.InputTokens);
        var uncached = usage.InputTokens - cached;
        var nano = (uncached * model.InputPricePerMillion
            + cached * model.CachedInputPricePerMillion
            + usage.OutputTokens * model.OutputPricePerMillion) * NanoPerTokenPerMillionPrice;
        return (long)decimal.Round(nano, MidpointRounding.AwayFromZero);
    }
}

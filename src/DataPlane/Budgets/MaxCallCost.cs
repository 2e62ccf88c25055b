using Platform.DataPlane.Configuration;
using Platform.DataPlane.Recording;

namespace Platform.DataPlane.Budgets;

/// <summary>
/// The most a call can cost, which is what a budget reserves for it: the estimated input tokens
/// plus the most output it may produce, priced on the most expensive candidate it may be served by.
/// </summary>
internal static class MaxCallCost
{
    public static long NanoUsd(IReadOnlyList<ModelPolicy> candidates, int inputTokens, int? requestedMaxTokens, int defaultMaxTokens)
    {
        var most = 0L;
        for (var i = 0; i < candidates.Count; i++)
        {
            var model = candidates[i];
            var usage = new Chat.Usage(Math.Max(inputTokens, 0), OutputTokens(model, requestedMaxTokens, defaultMaxTokens), 0);
            most = Math.Max(most, CostCalculator.NanoUsd(model, usage));
        }

        return most;
    }

    /// <summary>
    /// The request's <c>max_tokens</c> capped by the model's maximum (the handler sends no more
    /// upstream); the model's maximum when the request sets none; else <paramref name="defaultMaxTokens"/>.
    /// </summary>
    public static int OutputTokens(ModelPolicy model, int? requestedMaxTokens, int defaultMaxTokens) => requestedMaxTokens switch
    {
        { } requested when model.MaxOutputTokens > 0 => Math.Min(Math.Max(requested, 0), model.MaxOutputTokens),
        { } requested => Math.Max(requested, 0),
        null when model.MaxOutputTokens > 0 => model.MaxOutputTokens,
        _ => defaultMaxTokens,
    };
}

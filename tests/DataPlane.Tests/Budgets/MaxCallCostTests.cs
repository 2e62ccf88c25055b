using Platform.DataPlane.Budgets;
using Platform.DataPlane.Routing;
using Platform.DataPlane.Tests.Routing;

namespace Platform.DataPlane.Tests.Budgets;

public sealed class MaxCallCostTests
{
    // Prices are USD per million tokens: one token at price p costs p × 1000 nano-USD.
    [Fact]
    public void NanoUsd_MaxTokensAboveModelMax_CappedAtModelMax()
    {
        var model = TestPolicies.Model("openai/gpt", maxOutputTokens: 50, inputPrice: 2m, outputPrice: 10m);

        Assert.Equal((1000 * 2 + 50 * 10) * 1000L, MaxCallCost.NanoUsd([model], 1000, 100, 4096));
        Assert.Equal((1000 * 2 + 20 * 10) * 1000L, MaxCallCost.NanoUsd([model], 1000, 20, 4096));
    }

    [Fact]
    public void NanoUsd_NoMaxTokens_ModelMaxThenDefault()
    {
        var known = TestPolicies.Model("openai/known", maxOutputTokens: 300, inputPrice: 1m, outputPrice: 1m);
        var unknown = TestPolicies.Model("openai/unknown", maxOutputTokens: 0, inputPrice: 1m, outputPrice: 1m);

        Assert.Equal((10 + 300) * 1000L, MaxCallCost.NanoUsd([known], 10, null, 4096));
        Assert.Equal((10 + 4096) * 1000L, MaxCallCost.NanoUsd([unknown], 10, null, 4096));
    }

    [Fact]
    public void NanoUsd_SeveralCandidates_MostExpensiveOne()
    {
        var cheap = TestPolicies.Model("openai/cheap", maxOutputTokens: 1000, inputPrice: 0.1m, outputPrice: 0.4m);
        var dear = TestPolicies.Model("openai/dear", maxOutputTokens: 1000, inputPrice: 3m, outputPrice: 15m);
        var longer = TestPolicies.Model("openai/longer", maxOutputTokens: 8000, inputPrice: 1m, outputPrice: 5m);

        // dear: 100×3 + 1000×15 = 15 300; longer: 100×1 + 8000×5 = 40 100 (its larger max output wins).
        Assert.Equal(40_100_000L, MaxCallCost.NanoUsd([cheap, dear, longer], 100, null, 4096));
        Assert.Equal(15_300_000L, MaxCallCost.NanoUsd([cheap, dear, longer], 100, 1000, 4096));
    }

    [Fact]
    public void NanoUsd_Embeddings_InputAlone_EvenOnAModelWithAnOutputPrice()
    {
        var model = TestPolicies.Model("openai/embed", maxOutputTokens: 0, inputPrice: 0.02m, outputPrice: 5m);
        var needs = RequestRequirements.ForEmbeddings(500, default);

        Assert.Equal(500 * 20L, MaxCallCost.NanoUsd([model], needs.EstimatedInputTokens, needs.MaxOutputTokens, 4096));
    }
}

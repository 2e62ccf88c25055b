using Platform.DataPlane.Chat;
using Platform.DataPlane.Recording;
using Platform.DataPlane.Tests.Routing;

namespace Platform.DataPlane.Tests.Recording;

public sealed class CostCalculatorTests
{
    [Fact]
    public void NanoUsd_CachedInput_BilledAtTheCachedPriceNotTwice()
    {
        // $0.15 / $0.60 / $0.075 per million (gpt-4o-mini's list prices).
        var model = TestPolicies.Model("openai/gpt-4o-mini", inputPrice: 0.15m, outputPrice: 0.60m) with { CachedInputPricePerMillion = 0.075m };

        var cost = CostCalculator.NanoUsd(model, new Usage(InputTokens: 1_000, OutputTokens: 200, CachedInputTokens: 400));

        // 600 × 150 + 400 × 75 + 200 × 600 nano-USD.
        Assert.Equal(600 * 150 + 400 * 75 + 200 * 600, cost);
    }

    [Fact]
    public void NanoUsd_FractionalNanos_RoundedOnceNotPerToken()
    {
        var model = TestPolicies.Model("p/m", inputPrice: 0.0375m, outputPrice: 0m);

        Assert.Equal(38, CostCalculator.NanoUsd(model, new Usage(1, 0, 0)));
        Assert.Equal(375, CostCalculator.NanoUsd(model, new Usage(10, 0, 0)));
    }

    [Fact]
    public void NanoUsd_CachedMoreThanInput_ClampedToInput()
    {
        var model = TestPolicies.Model("p/m", inputPrice: 1m, outputPrice: 0m) with { CachedInputPricePerMillion = 0.5m };

        Assert.Equal(100 * 500, CostCalculator.NanoUsd(model, new Usage(100, 0, 250)));
    }
}

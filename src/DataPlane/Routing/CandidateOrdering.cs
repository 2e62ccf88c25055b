using Platform.DataPlane.Configuration;
using Platform.DataPlane.Health;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Routing;

/// <summary>
/// Puts the surviving candidates (already in priority order) into the order the route's
/// strategy asks for. Works in place on the result array with stack buffers for keys: no LINQ,
/// no allocation beyond the result.
/// </summary>
internal static class CandidateOrdering
{
    private const int StackLimit = 64;

    public static void Order(
        RoutingStrategy strategy,
        ModelPolicy[] models,
        ReadOnlySpan<int> weights,
        in RequestRequirements needs,
        LatencyTracker latency,
        Random random,
        long utcNowTicks)
    {
        switch (strategy)
        {
            case RoutingStrategy.Weighted:
                Weighted(models, weights, random);
                break;
            case RoutingStrategy.LeastLatency:
                LeastLatency(models, latency, utcNowTicks);
                break;
            case RoutingStrategy.LeastCost:
                LeastCost(models, needs);
                break;

            // Priority, and Hedged: the executor starts the second candidate after HedgeAfter.
            default:
                break;
        }
    }

    /// <summary>
    /// Weighted random order without replacement: each position is drawn with probability
    /// proportional to weight among the models not yet placed. Models with no weight keep their
    /// priority order at the end.
    /// </summary>
    public static void Weighted(ModelPolicy[] models, ReadOnlySpan<int> configured, Random random)
    {
        var n = models.Length;
        Span<double> weights = n <= StackLimit ? stackalloc double[n] : new double[n];
        var total = 0.0;
        for (var i = 0; i < n; i++)
        {
            weights[i] = Math.Max(configured[i], 0);
            total += weights[i];
        }

        for (var i = 0; i < n - 1 && total > 0; i++)
        {
            var pick = random.NextDouble() * total;
            var j = i;
            var cumulative = weights[i];
            while (pick >= cumulative && j < n - 1)
            {
                j++;
                cumulative += weights[j];
            }

            total -= weights[j];
            MoveToFront(models, weights, i, j);
        }
    }

    /// <summary>Ascending observed latency; models never (or not recently) measured go first so they get measured.</summary>
    public static void LeastLatency(ModelPolicy[] models, LatencyTracker latency, long utcNowTicks)
    {
        Span<double> keys = models.Length <= StackLimit ? stackalloc double[models.Length] : new double[models.Length];
        for (var i = 0; i < models.Length; i++)
        {
            keys[i] = latency.TryGetLatency(models[i].Id, utcNowTicks, out var ms) ? ms : double.NegativeInfinity;
        }

        SortStable(models, keys);
    }

    /// <summary>Ascending estimated cost of this request: input tokens at the input price plus expected output at the output price.</summary>
    public static void LeastCost(ModelPolicy[] models, in RequestRequirements needs)
    {
        Span<double> keys = models.Length <= StackLimit ? stackalloc double[models.Length] : new double[models.Length];
        for (var i = 0; i < models.Length; i++)
        {
            keys[i] = EstimatedCost(models[i], needs);
        }

        SortStable(models, keys);
    }

    public static double EstimatedCost(ModelPolicy model, in RequestRequirements needs) =>
        ((double)Math.Max(needs.EstimatedInputTokens, 0) * (double)model.InputPricePerMillion
         + (double)needs.ExpectedOutputTokens * (double)model.OutputPricePerMillion) / 1_000_000d;

    /// <summary>Insertion sort: a handful of candidates, and equal keys keep priority order.</summary>
    private static void SortStable(ModelPolicy[] models, Span<double> keys)
    {
        for (var i = 1; i < models.Length; i++)
        {
            var model = models[i];
            var key = keys[i];
            var j = i - 1;
            while (j >= 0 && keys[j] > key)
            {
                models[j + 1] = models[j];
                keys[j + 1] = keys[j];
                j--;
            }

            models[j + 1] = model;
            keys[j + 1] = key;
        }
    }

    /// <summary>Moves item <paramref name="from"/> to <paramref name="to"/>, shifting the ones between so they keep their order.</summary>
    private static void MoveToFront(ModelPolicy[] models, Span<double> weights, int to, int from)
    {
        var model = models[from];
        var weight = weights[from];
        for (var k = from; k > to; k--)
        {
            models[k] = models[k - 1];
            weights[k] = weights[k - 1];
        }

        models[to] = model;
        weights[to] = weight;
    }
}

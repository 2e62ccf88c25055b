namespace Platform.Simulator.Text;

/// <summary>Unit-length pseudo-random vectors seeded by model and input, so equal inputs embed equally.</summary>
internal static class EmbeddingVector
{
    public static void Fill(Span<float> vector, string model, string input)
    {
        var random = new SplitMix(Fnv.Hash(model, input));
        var sumOfSquares = 0.0;
        for (var index = 0; index < vector.Length; index++)
        {
            var value = random.NextSigned();
            vector[index] = value;
            sumOfSquares += value * value;
        }

        var scale = sumOfSquares > 0 ? (float)(1.0 / Math.Sqrt(sumOfSquares)) : 0f;
        for (var index = 0; index < vector.Length; index++)
        {
            vector[index] *= scale;
        }
    }
}

using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Tests.Components;

/// <summary>Two groups (<c>&lt;by&gt;-a</c>, <c>&lt;by&gt;-b</c>) for any period; records every call so tests assert what the page asked for.</summary>
internal sealed class FakeFinanceOperations : IFinanceOperations
{
    public List<(DateTime From, DateTime To, string By)> Calls { get; } = [];

    public Task<Outcome<FinanceSpendReport>> SpendAsync(DateTime from, DateTime to, string by, CancellationToken ct)
    {
        Calls.Add((from, to, by));
        FinanceSpendLine[] lines = [Line($"{by}-a", 3, 1_500_000_000), Line($"{by}-b", 1, 250_000_000)];
        return Task.FromResult(Outcome.Ok(new FinanceSpendReport(from, to, by, lines, Line("", 4, 1_750_000_000))));
    }

    private static FinanceSpendLine Line(string key, long requests, long nanoUsd) =>
        new(key, null, requests, 0, requests * 100, requests * 10, 0, nanoUsd / 1_000_000_000m, nanoUsd);
}

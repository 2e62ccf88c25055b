using Microsoft.EntityFrameworkCore;
using Platform.ControlPlane.Spend;
using Platform.Shared.Data;
using Platform.Shared.Management;

namespace Platform.ControlPlane.Jobs.Finance;

/// <summary>The finance export's numbers, from <see cref="SpendReader"/>: roll-ups plus events not rolled up yet, each call once.</summary>
internal static class FinanceSpend
{
    /// <summary>The <c>by</c> words the export takes, and what each groups by.</summary>
    public static readonly IReadOnlyDictionary<string, SpendDimension> Dimensions = new Dictionary<string, SpendDimension>(StringComparer.Ordinal)
    {
        ["feature"] = SpendDimension.Feature,
        ["route"] = SpendDimension.Route,
        ["model"] = SpendDimension.Model,
        ["provider"] = SpendDimension.Provider,
        ["customer"] = SpendDimension.Customer,
        ["key"] = SpendDimension.ApiKey,
    };

    /// <param name="by">One of <see cref="Dimensions"/>' words.</param>
    public static async Task<FinanceSpendReport> ReadAsync(PlatformDbContext db, DateTime from, DateTime to, string by, CancellationToken ct)
    {
        var dimension = Dimensions[by];
        var lines = await SpendReader.ReadAsync(db, from, to, dimension, filter: null, ct);
        var names = dimension == SpendDimension.ApiKey ? await KeyNamesAsync(db, lines, ct) : null;
        var total = new SpendLine("", lines.Sum(l => l.Requests), lines.Sum(l => l.Errors), lines.Sum(l => l.InputTokens),
            lines.Sum(l => l.OutputTokens), lines.Sum(l => l.CachedTokens), lines.Sum(l => l.CostNanoUsd));
        return new FinanceSpendReport(from, to, by, [.. lines.Select(l => View(l, names?.GetValueOrDefault(l.Key)))], View(total, null));
    }

    private static FinanceSpendLine View(SpendLine line, string? name) => new(
        line.Key, name, line.Requests, line.Errors, line.InputTokens, line.OutputTokens, line.CachedTokens,
        UsageFilter.Usd(line.CostNanoUsd), line.CostNanoUsd);

    /// <summary>Key names by id (as <see cref="SpendLine.Key"/> spells it): finance reads names, not ids.</summary>
    private static async Task<Dictionary<string, string>> KeyNamesAsync(PlatformDbContext db, IReadOnlyList<SpendLine> lines, CancellationToken ct)
    {
        var ids = lines.Select(l => Guid.TryParse(l.Key, out var id) ? id : (Guid?)null).OfType<Guid>().ToList();
        var keys = await db.ApiKeys.AsNoTracking().Where(k => ids.Contains(k.Id)).Select(k => new { k.Id, k.Name }).ToListAsync(ct);
        return keys.ToDictionary(k => k.Id.ToString(), k => k.Name, StringComparer.OrdinalIgnoreCase);
    }
}

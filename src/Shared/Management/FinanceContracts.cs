namespace Platform.Shared.Management;

/// <summary>
/// Spend of a period grouped by one dimension, priced at call time: what
/// <c>GET /api/v1/finance/spend</c> answers and the monthly finance e-mail attaches (as CSV).
/// <see cref="From"/> is inclusive, <see cref="To"/> exclusive, both UTC.
/// </summary>
public sealed record FinanceSpendReport(DateTime From, DateTime To, string By, IReadOnlyList<FinanceSpendLine> Lines, FinanceSpendLine Total);

/// <summary>
/// One group's spend. <see cref="Key"/> is the group's value ("" for calls without one; the key id
/// when grouped by key, with <see cref="Name"/> the key's name). <see cref="CostUsd"/> is
/// <see cref="CostNanoUsd"/> / 10^9, exact.
/// </summary>
public sealed record FinanceSpendLine(
    string Key, string? Name, long Requests, long Errors, long InputTokens, long OutputTokens, long CachedTokens, decimal CostUsd, long CostNanoUsd);

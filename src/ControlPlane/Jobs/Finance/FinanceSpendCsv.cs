using System.Globalization;
using CsvHelper;
using Platform.Shared.Management;

namespace Platform.ControlPlane.Jobs.Finance;

/// <summary>
/// The finance export as CSV: a header, one row per group, a total row. The first column tells
/// them apart (<c>group</c> / <c>total</c>), because any group value, even "Total", is a possible
/// feature name. Money is USD with 9 decimals (exact from nano-USD) plus the raw nano-USD column.
/// Text starting with <c>= + - @</c> is escaped: group values come from callers' headers and the
/// file is opened in spreadsheets.
/// </summary>
internal static class FinanceSpendCsv
{
    public const string ContentType = "text/csv";

    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape };

    public static string FileName(FinanceSpendReport report) =>
        $"spend-by-{report.By}-{report.From:yyyy-MM-ddTHH}-{report.To:yyyy-MM-ddTHH}.csv";

    public static async Task WriteAsync(Stream output, FinanceSpendReport report, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        csv.WriteHeader(Header(report.By));
        foreach (var line in report.Lines)
        {
            await csv.WriteRecordAsync(Fields("group", line, report), ct);
        }

        await csv.WriteRecordAsync(Fields("total", report.Total, report), ct);
        await csv.FlushAsync(ct);
    }

    public static async Task<byte[]> ToBytesAsync(FinanceSpendReport report, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await WriteAsync(buffer, report, ct);
        return buffer.ToArray();
    }

    /// <summary>USD with 9 decimals: every nano-dollar shows, and the column lines up.</summary>
    public static string Usd(long nanoUsd) => UsageFilter.Usd(nanoUsd).ToString("0.000000000", CultureInfo.InvariantCulture);

    private static readonly string[] Measures =
        ["periodStart", "periodEnd", "requests", "errors", "inputTokens", "outputTokens", "cachedTokens", "costUsd", "costNanoUsd"];

    private static string[] Header(string by) => by == "key"
        ? ["row", "apiKeyId", "apiKeyName", .. Measures]
        : ["row", by, .. Measures];

    private static string[] Fields(string row, FinanceSpendLine line, FinanceSpendReport report)
    {
        string[] group = report.By == "key" ? [row, line.Key, line.Name ?? ""] : [row, line.Key];
        return
        [
            .. group, Time(report.From), Time(report.To), Number(line.Requests), Number(line.Errors), Number(line.InputTokens),
            Number(line.OutputTokens), Number(line.CachedTokens), Usd(line.CostNanoUsd), Number(line.CostNanoUsd),
        ];
    }

    private static string Time(DateTime at) => at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using Microsoft.AspNetCore.Components;
using Platform.Dashboard.Components;
using Platform.Dashboard.Session;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Pages.Finance;

/// <summary>
/// <c>/finance</c>: a period's spend grouped by one dimension, from <see cref="IFinanceOperations"/>
/// (the numbers of <c>/api/v1/finance/spend</c>), and a link to that endpoint's CSV for the same
/// period: the browser downloads it with the session cookie, so the file is the API's own.
/// Periods are whole UTC days; a custom "to" date is included. Owners and finance also see the
/// invoices (<see cref="InvoicesSection"/>).
/// </summary>
public sealed partial class FinancePage : OperationComponentBase
{
    private const string ThisMonth = "this-month";
    private const string LastMonth = "last-month";
    private const string Custom = "custom";
    private const string DateFormat = "yyyy-MM-dd";

    private string _period = ThisMonth;
    private string _by = IFinanceOperations.Groupings[0];
    private string? _customFrom;
    private string? _customTo;
    private bool _loading;
    private string? _error;
    private FinanceSpendReport? _report;

    [CascadingParameter]
    public DashboardUser User { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    /// <summary>[from, to) in UTC, or null while a custom period is incomplete or backwards.</summary>
    private (DateTime From, DateTime To)? Period
    {
        get
        {
            var now = Time.GetUtcNow().UtcDateTime;
            var month = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
            return _period switch
            {
                ThisMonth => (month, month.AddMonths(1)),
                LastMonth => (month.AddMonths(-1), month),
                _ => Day(_customFrom) is { } from && Day(_customTo) is { } to && to >= from ? (from, to.AddDays(1)) : null,
            };
        }
    }

    protected override Task OnInitializedAsync() => User.Rights.Export ? LoadAsync() : Task.CompletedTask;

    private async Task LoadAsync()
    {
        if (Period is not { } period)
        {
            _report = null;
            _error = null;
            return;
        }

        _loading = true;
        var by = _by;
        var outcome = await RunAsync((IFinanceOperations finance, CancellationToken ct) => finance.SpendAsync(period.From, period.To, by, ct));
        _loading = false;
        _error = outcome.Failure?.Detail;
        _report = outcome.Succeeded ? outcome.Value : null;
    }

    private Task OnPeriodChangedAsync(string period)
    {
        _period = period;
        if (period == Custom && _customFrom is null)
        {
            var now = Time.GetUtcNow().UtcDateTime;
            _customFrom = new DateTime(now.Year, now.Month, 1).ToString(DateFormat, CultureInfo.InvariantCulture);
            _customTo = now.ToString(DateFormat, CultureInfo.InvariantCulture);
        }

        return LoadAsync();
    }

    private Task OnFromChangedAsync(string? from)
    {
        _customFrom = from;
        return LoadAsync();
    }

    private Task OnToChangedAsync(string? to)
    {
        _customTo = to;
        return LoadAsync();
    }

    private Task OnByChangedAsync(string by)
    {
        _by = by;
        return LoadAsync();
    }

    private string ExportHref((DateTime From, DateTime To) period) =>
        $"/api/v1/finance/spend?from={period.From.ToString(DateFormat, CultureInfo.InvariantCulture)}" +
        $"&to={period.To.ToString(DateFormat, CultureInfo.InvariantCulture)}&by={Uri.EscapeDataString(_by)}&format=csv";

    private static DateTime? Day(string? value) =>
        DateTime.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var day)
            ? day
            : null;

    /// <summary>Grouped by key, the key's name reads better than its id; calls without a value group under "".</summary>
    private static string GroupName(FinanceSpendLine line) => line.Name ?? (line.Key.Length == 0 ? "(none)" : line.Key);

    private static string Tokens(FinanceSpendLine line) => (line.InputTokens + line.OutputTokens).ToString("N0", CultureInfo.InvariantCulture);

    private static string Usd(decimal usd) => "$" + usd.ToString("0.00####", CultureInfo.InvariantCulture);
}

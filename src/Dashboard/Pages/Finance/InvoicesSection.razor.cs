using System.Globalization;
using MudBlazor;
using Platform.Dashboard.Components;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Pages.Finance;

/// <summary>
/// The finance page's invoices, for owners and finance (the page shows it only to them; the
/// operation refuses others anyway): the tenant's plan, Stripe customer and billing status, and the
/// invoices mirrored from Stripe a page at a time, each with its hosted link (Stripe stays the source of truth).
/// </summary>
public sealed partial class InvoicesSection : OperationComponentBase
{
    private static readonly int[] PageSizes = [10, 25, 50];

    private BillingView? _billing;
    private string? _billingError;
    private string? _error;

    protected override async Task OnInitializedAsync()
    {
        var outcome = await RunAsync((IBillingOperations billing, CancellationToken ct) => billing.GetAsync(ct));
        _billing = outcome.Value;
        _billingError = outcome.Failure?.Detail;
    }

    private async Task<TableData<InvoiceView>> LoadAsync(TableState state, CancellationToken _)
    {
        var (page, size) = (state.Page + 1, state.PageSize);
        var outcome = await RunAsync((IBillingOperations billing, CancellationToken ct) => billing.InvoicesAsync(page, size, ct));
        _error = outcome.Failure?.Detail;
        return outcome.Succeeded
            ? new TableData<InvoiceView> { Items = outcome.Value.Items, TotalItems = outcome.Value.Total }
            : new TableData<InvoiceView> { Items = [], TotalItems = 0 };
    }

    private static Color StatusColour(string status) => status switch
    {
        "paid" => Color.Success,
        "open" => Color.Info,
        "uncollectible" => Color.Error,
        _ => Color.Default,
    };

    private static string Day(DateTime at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Usd(decimal usd) => "$" + usd.ToString("#,0.00", CultureInfo.InvariantCulture);

    /// <summary>Stripe's currency code as it sent it; USD as dollars, others with their code.</summary>
    private static string Money(decimal amount, string currency) =>
        string.Equals(currency, "usd", StringComparison.OrdinalIgnoreCase)
            ? Usd(amount)
            : amount.ToString("#,0.00", CultureInfo.InvariantCulture) + " " + currency.ToUpperInvariant();
}

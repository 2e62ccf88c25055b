using System.Globalization;
using System.Net;
using Platform.Shared.Mail;
using Platform.Shared.Management;

namespace Platform.ControlPlane.Jobs.Finance;

/// <summary>The monthly finance e-mail: a short summary (total, calls, link to the dashboard) with the CSV attached.</summary>
internal static class FinanceReportMail
{
    public static EmailMessage Compose(string to, string tenantName, FinanceSpendReport report, byte[] csv, string dashboardUrl)
    {
        var month = report.From.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
        var total = FinanceSpendCsv.Usd(report.Total.CostNanoUsd);
        var requests = report.Total.Requests.ToString("N0", CultureInfo.InvariantCulture);
        var link = dashboardUrl.TrimEnd('/') + "/finance";
        var subject = $"{tenantName}: AI spend for {month} was {total} USD";
        var text = $"""
            AI spend of {tenantName} for {month} (UTC), priced at call time:

            Total: {total} USD
            Calls: {requests}
            Features: {report.Lines.Count}

            The attached CSV has the spend per feature. See and export any period at {link}
            """;
        var html = $"""
            <p>AI spend of <strong>{Encode(tenantName)}</strong> for {month} (UTC), priced at call time:</p>
            <table>
              <tr><td>Total</td><td><strong>{total} USD</strong></td></tr>
              <tr><td>Calls</td><td>{requests}</td></tr>
              <tr><td>Features</td><td>{report.Lines.Count}</td></tr>
            </table>
            <p>The attached CSV has the spend per feature. See and export any period in the <a href="{Encode(link)}">dashboard</a>.</p>
            """;
        return new EmailMessage(to, subject, text, html, [new EmailAttachment(FinanceSpendCsv.FileName(report), FinanceSpendCsv.ContentType, csv)]);
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}

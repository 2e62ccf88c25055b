using System.Globalization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Platform.ControlPlane.Access;
using Platform.ControlPlane.Jobs.Finance;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Api;

/// <summary>
/// <c>/api/v1/finance/spend</c>: a period's spend grouped by feature (or route, model, provider,
/// customer, key), priced at call time, as CSV or JSON; owner, admin and finance. Read from the
/// roll-ups plus the events not rolled up yet, so a period whose raw events retention has deleted
/// still adds up. Periods are whole UTC hours, the roll-ups' grain.
/// </summary>
internal static class FinanceEndpoints
{
    /// <summary>Long enough for a year against the previous one; bounds the work of one request.</summary>
    internal const int MaxDays = 400;

    private static readonly string[] Formats = ["csv", "json"];

    public static void Map(RouteGroupBuilder api)
    {
        var finance = api.MapGroup("/finance").WithTags("Finance");
        finance.MapGet("/spend", SpendAsync)
            .Requires(Permission.Export)
            .Produces<FinanceSpendReport>(StatusCodes.Status200OK, "application/json")
            .ProducesValidationProblem()
            .AddOpenApiOperationTransformer(DescribeCsv);
    }

    /// <summary>One status code has one response type in endpoint metadata, so the CSV alternative is added to the document here.</summary>
    private static Task DescribeCsv(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        if (operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content is { } content)
        {
            content[FinanceSpendCsv.ContentType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
        }

        return Task.CompletedTask;
    }

    /// <param name="from">Start, inclusive: a UTC date or whole hour, e.g. <c>2025-01-01</c> or <c>2025-01-01T13:00:00Z</c>.</param>
    /// <param name="to">End, exclusive, like <paramref name="from"/>; at most 400 days later.</param>
    /// <param name="by">feature (default), route, model, provider, customer or key.</param>
    /// <param name="format">csv (default) or json.</param>
    private static async Task<IResult> SpendAsync(IFinanceOperations finance, string? from, string? to, string? by, string? format, CancellationToken ct)
    {
        by ??= "feature";
        format ??= "csv";
        var errors = new FieldErrors();
        var start = ParseHour(from, "from", errors);
        var end = ParseHour(to, "to", errors);
        if (start is { } s && end is { } e)
        {
            if (e <= s)
            {
                errors.Add("to", "'to' must be after 'from'.");
            }
            else if (e - s > TimeSpan.FromDays(MaxDays))
            {
                errors.Add("to", $"A period may span at most {MaxDays} days.");
            }
        }

        if (!FinanceSpend.Dimensions.ContainsKey(by))
        {
            errors.Add("by", $"Group by one of: {string.Join(", ", FinanceSpend.Dimensions.Keys)}.");
        }

        if (!Formats.Contains(format))
        {
            errors.Add("format", $"Format is one of: {string.Join(", ", Formats)}.");
        }

        if (errors.Any || start is not { } periodStart || end is not { } periodEnd)
        {
            return errors.ToResult();
        }

        // The numbers are the operation's, shared with the dashboard's finance page.
        var outcome = await finance.SpendAsync(periodStart, periodEnd, by, ct);
        if (!outcome.Succeeded)
        {
            return Problems.Of(outcome.Failure);
        }

        var report = outcome.Value;
        return format == "json"
            ? Results.Ok(report)
            : Results.File(await FinanceSpendCsv.ToBytesAsync(report, ct), FinanceSpendCsv.ContentType + "; charset=utf-8", FinanceSpendCsv.FileName(report));
    }

    private static DateTime? ParseHour(string? value, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, $"'{field}' is required (a UTC date or whole hour, e.g. 2025-01-01 or 2025-01-01T13:00:00Z).");
            return null;
        }

        if (!DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            errors.Add(field, $"'{value}' is not a date and time.");
            return null;
        }

        if (at.Ticks % TimeSpan.TicksPerHour != 0)
        {
            errors.Add(field, $"'{field}' must be a whole hour (UTC): spend is kept per hour.");
            return null;
        }

        return at;
    }
}

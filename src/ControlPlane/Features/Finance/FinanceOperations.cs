using Platform.ControlPlane.Access;
using Platform.ControlPlane.Api;
using Platform.ControlPlane.Jobs.Finance;
using Platform.Shared.Data;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Features.Finance;

/// <summary>
/// The finance export's numbers (<see cref="FinanceSpend"/>: roll-ups plus events not rolled up yet)
/// for the caller's tenant. The period is checked here too, so the page gets the API's limits.
/// </summary>
internal sealed class FinanceOperations(PlatformDbContext db, Caller caller) : IFinanceOperations
{
    public async Task<Outcome<FinanceSpendReport>> SpendAsync(DateTime from, DateTime to, string by, CancellationToken ct)
    {
        if ((caller.Refuses(Permission.Export) ?? Invalid(from, to, by)) is { } refusal)
        {
            return refusal;
        }

        return Outcome.Ok(await FinanceSpend.ReadAsync(db, from, to, by, ct));
    }

    private static Failure? Invalid(DateTime from, DateTime to, string by)
    {
        if (!FinanceSpend.Dimensions.ContainsKey(by))
        {
            return Failure.Invalid("by", $"Group by one of: {string.Join(", ", FinanceSpend.Dimensions.Keys)}.");
        }

        if (from.Ticks % TimeSpan.TicksPerHour != 0 || to.Ticks % TimeSpan.TicksPerHour != 0)
        {
            return Failure.Invalid("from", "The period starts and ends on whole hours (UTC): spend is kept per hour.");
        }

        if (to <= from)
        {
            return Failure.Invalid("to", "'to' must be after 'from'.");
        }

        return to - from > TimeSpan.FromDays(FinanceEndpoints.MaxDays)
            ? Failure.Invalid("to", $"A period may span at most {FinanceEndpoints.MaxDays} days.")
            : null;
    }
}

using Microsoft.EntityFrameworkCore;
using Platform.Shared.Domain;

namespace Platform.ControlPlane.Jobs.Rollups;

/// <summary>
/// Turns an event's dimensions into a roll-up's: null becomes "", and a value longer than the
/// roll-up column (features and customers come from callers' headers, unbounded) is cut to fit,
/// because one over-long value would otherwise fail its batch on SQL Server on every run and stall
/// the tenant's roll-ups for good. The lengths come from the EF model, so they follow the schema.
/// </summary>
internal sealed class RollupDimensions
{
    private readonly int _feature;
    private readonly int _route;
    private readonly int _provider;
    private readonly int _model;
    private readonly int _customer;

    public RollupDimensions(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(UsageRollup))
            ?? throw new InvalidOperationException("UsageRollup is not in the model.");
        int Max(string property) => entity.FindProperty(property)?.GetMaxLength() ?? int.MaxValue;
        _feature = Max(nameof(UsageRollup.Feature));
        _route = Max(nameof(UsageRollup.Route));
        _provider = Max(nameof(UsageRollup.Provider));
        _model = Max(nameof(UsageRollup.Model));
        _customer = Max(nameof(UsageRollup.Customer));
    }

    public RollupKey KeyOf(UsageEvent e, RollupGranularity granularity) => new(
        granularity,
        BucketStart(e.StartedAt, granularity),
        Fit(e.Feature, _feature),
        Fit(e.Route, _route),
        Fit(e.Provider, _provider),
        Fit(e.Model, _model),
        Fit(e.Customer, _customer),
        e.ApiKeyId);

    /// <summary>The start of the UTC hour or day <paramref name="at"/> falls in.</summary>
    public static DateTime BucketStart(DateTime at, RollupGranularity granularity)
    {
        var ticks = at.ToUniversalTime().Ticks;
        var size = granularity == RollupGranularity.Day ? TimeSpan.TicksPerDay : TimeSpan.TicksPerHour;
        return new DateTime(ticks - ticks % size, DateTimeKind.Utc);
    }

    private static string Fit(string? value, int max) =>
        value is null ? "" : value.Length <= max ? value : value[..max];
}

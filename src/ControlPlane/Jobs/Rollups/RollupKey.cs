using Platform.Shared.Domain;

namespace Platform.ControlPlane.Jobs.Rollups;

/// <summary>What identifies one <see cref="UsageRollup"/> row: its bucket and its six dimensions, absent ones as "".</summary>
internal readonly record struct RollupKey(
    RollupGranularity Granularity, DateTime BucketStart, string Feature, string Route, string Provider, string Model, string Customer, Guid? ApiKeyId)
{
    public static RollupKey Of(UsageRollup row) =>
        new(row.Granularity, row.BucketStart, row.Feature, row.Route, row.Provider, row.Model, row.Customer, row.ApiKeyId);

    public UsageRollup NewRow() => new()
    {
        Granularity = Granularity,
        BucketStart = BucketStart,
        Feature = Feature,
        Route = Route,
        Provider = Provider,
        Model = Model,
        Customer = Customer,
        ApiKeyId = ApiKeyId,
    };
}

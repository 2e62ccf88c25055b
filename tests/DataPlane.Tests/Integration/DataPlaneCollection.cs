namespace Platform.DataPlane.Tests.Integration;

/// <summary>
/// Every integration test shares one host and one simulator and runs in this one collection, so
/// two cores are not asked to serve several hosts at once and latency-based tests stay meaningful.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DataPlaneCollection : ICollectionFixture<DataPlaneFixture>
{
    public const string Name = "Data plane integration";
}

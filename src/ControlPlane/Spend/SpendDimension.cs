namespace Platform.ControlPlane.Spend;

/// <summary>What spend is grouped by; <see cref="None"/> gives one total line.</summary>
internal enum SpendDimension
{
    None,
    Feature,
    Route,
    Provider,
    Model,
    Customer,
    ApiKey,
}

namespace Platform.Shared.Domain;

public sealed class RouteCandidate : TenantEntity, IPolicyEntity
{
    public Guid RouteId { get; set; }

    public Guid ModelId { get; set; }

    public CatalogModel? Model { get; set; }

    public int Priority { get; set; }

    public int Weight { get; set; } = 1;
}

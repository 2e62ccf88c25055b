namespace Platform.Shared.Management.Operations;

/// <summary>
/// The tenant's model catalog, for the management API (<c>/api/v1/models</c>) and the dashboard's
/// providers page alike. A price change appends a price-history row, so recorded calls keep the
/// price they ran at. Reads are open to every role; writes need Configure.
/// </summary>
public interface IModelOperations
{
    Task<Outcome<Page<ModelView>>> ListAsync(ModelQuery query, CancellationToken ct);

    Task<Outcome<ModelView>> GetAsync(Guid id, CancellationToken ct);

    /// <summary>Newest first: the first row is the price in force now.</summary>
    Task<Outcome<Page<ModelPriceView>>> PricesAsync(Guid id, int? page, int? pageSize, CancellationToken ct);

    Task<Outcome<ModelView>> CreateAsync(ModelInput input, CancellationToken ct);

    /// <param name="ifMatch">ETags the caller read (If-Match); null means last writer wins.</param>
    Task<Outcome<ModelView>> UpdateAsync(Guid id, ModelInput input, string? ifMatch, CancellationToken ct);

    /// <summary>Refused while tiers, routes or API keys use the model; its price history goes with it.</summary>
    /// <returns>The model as it was.</returns>
    Task<Outcome<ModelView>> DeleteAsync(Guid id, string? ifMatch, CancellationToken ct);
}

namespace Platform.Shared.Domain;

/// <summary>
/// A row the data plane compiles into its policy snapshot. Saving one bumps the tenant's
/// <see cref="Tenant.ConfigVersion"/> so every data-plane instance reloads.
/// </summary>
public interface IPolicyEntity : ITenantOwned;

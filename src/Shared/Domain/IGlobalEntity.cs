namespace Platform.Shared.Domain;

/// <summary>
/// The explicit opt-out from tenant filtering: rows shared by every tenant (the tenant list itself,
/// user accounts that may belong to several tenants). An architecture test proves every entity is
/// either this or <see cref="ITenantOwned"/>.
/// </summary>
public interface IGlobalEntity;

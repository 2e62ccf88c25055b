namespace Platform.DataPlane.Configuration;

/// <summary>A tenant's compiled policy with the document it came from (kept for the last-known-good file).</summary>
internal sealed record CompiledTenant(TenantDocument Document, TenantPolicy Policy);

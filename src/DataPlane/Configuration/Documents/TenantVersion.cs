namespace Platform.DataPlane.Configuration;

/// <summary>What the loader polls from the global tenant table; any difference means "recompile".</summary>
internal sealed record TenantVersion(Guid Id, string Slug, long ConfigVersion, bool Disabled, int? RequestsPerMinute = null, int? TokensPerMinute = null);

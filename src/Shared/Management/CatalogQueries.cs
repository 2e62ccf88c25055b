namespace Platform.Shared.Management;

/// <summary>A page of providers, optionally of one kind, enabled or not, or with a name containing <see cref="Name"/>.</summary>
public sealed record ProviderQuery(string? Kind = null, string? Name = null, bool? Enabled = null, int? Page = null, int? PageSize = null);

/// <summary>A page of catalog models; <see cref="Provider"/> is a provider's name, <see cref="Name"/> a part of the model's.</summary>
public sealed record ModelQuery(
    string? Provider = null,
    string? Capability = null,
    bool? Enabled = null,
    string? Region = null,
    string? Name = null,
    int? Page = null,
    int? PageSize = null);

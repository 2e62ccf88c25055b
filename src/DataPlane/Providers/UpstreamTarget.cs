using Platform.DataPlane.Configuration;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Providers;

/// <summary>Where one attempt goes: a provider's endpoint, the upstream model id and the decrypted credential.</summary>
internal sealed record UpstreamTarget(ProviderKind Kind, Uri BaseUrl, string UpstreamModel, string? Credential)
{
    public static UpstreamTarget For(ModelPolicy model) =>
        new(model.Provider.Kind, model.Provider.BaseUrl, model.UpstreamId, model.Provider.Credential);
}

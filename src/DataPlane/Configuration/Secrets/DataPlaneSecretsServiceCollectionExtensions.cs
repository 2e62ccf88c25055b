using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Platform.Shared.Security;

namespace Platform.DataPlane.Configuration;

internal static class DataPlaneSecretsServiceCollectionExtensions
{
    /// <summary>
    /// Data Protection as the control plane configures it (application name "Platform", keys in
    /// the database), with the keys mirrored to disk, and the credential protector. Needs
    /// <c>AddPlatformDatabase</c>.
    /// </summary>
    public static IServiceCollection AddDataPlaneSecrets(this IServiceCollection services)
    {
        // Must equal SecurityServiceCollectionExtensions.AddPlatformSecrets, or the control plane's payloads do not decrypt.
        services.AddDataProtection().SetApplicationName("Platform");
        services.TryAddSingleton<MirroredKeyRepository>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = sp.GetRequiredService<MirroredKeyRepository>()));
        services.Replace(ServiceDescriptor.Singleton<ICredentialProtector, CredentialProtector>());
        return services;
    }
}

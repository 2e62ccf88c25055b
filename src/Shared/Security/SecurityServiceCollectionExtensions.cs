using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Platform.Shared.Data;

namespace Platform.Shared.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>Data Protection keys in the database (shared by control and data planes) and the credential protector.</summary>
    public static IServiceCollection AddPlatformSecrets(this IServiceCollection services)
    {
        services.AddDataProtection()
            .SetApplicationName("Platform")
            .PersistKeysToDbContext<PlatformDbContext>();
        services.AddSingleton<ICredentialProtector, DataProtectionCredentialProtector>();
        return services;
    }
}

using Microsoft.AspNetCore.DataProtection;
using Platform.Shared.Security;

namespace Platform.DataPlane.Configuration;

/// <summary>
/// The data plane's twin of Shared's (internal) protector: the same purpose string, so a
/// credential the control plane encrypted decrypts here.
/// </summary>
internal sealed class CredentialProtector(IDataProtectionProvider provider) : ICredentialProtector
{
    public const string Purpose = "Platform.ProviderCredentials.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Protect(string credential) => _protector.Protect(credential);

    public string Unprotect(string protectedCredential) => _protector.Unprotect(protectedCredential);
}

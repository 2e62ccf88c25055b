using Microsoft.AspNetCore.DataProtection;

namespace Platform.Shared.Security;

/// <summary>ASP.NET Core Data Protection, with keys kept in the platform database so every process shares them.</summary>
internal sealed class DataProtectionCredentialProtector(IDataProtectionProvider provider) : ICredentialProtector
{
    private const string Purpose = "Platform.ProviderCredentials.v1";
    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Protect(string credential) => _protector.Protect(credential);

    public string Unprotect(string protectedCredential) => _protector.Unprotect(protectedCredential);
}

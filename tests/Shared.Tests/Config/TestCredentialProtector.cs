using Microsoft.AspNetCore.DataProtection;
using Platform.Shared.Security;

namespace Platform.Shared.Tests.Config;

/// <summary>Real Data Protection with in-memory keys that live as long as the test.</summary>
internal sealed class TestCredentialProtector : ICredentialProtector
{
    private readonly IDataProtector _protector = new EphemeralDataProtectionProvider().CreateProtector("tests.credentials");

    public string Protect(string credential) => _protector.Protect(credential);

    public string Unprotect(string protectedCredential) => _protector.Unprotect(protectedCredential);
}

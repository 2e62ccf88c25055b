namespace Platform.Shared.Security;

/// <summary>Encrypts provider credentials at rest; the plain text never leaves the data plane.</summary>
public interface ICredentialProtector
{
    string Protect(string credential);

    string Unprotect(string protectedCredential);
}

namespace Platform.Shared.Domain;

/// <summary>How a route treats sensitive data.</summary>
public enum Sensitivity
{
    None = 0,

    /// <summary>Only private or in-region providers may serve it.</summary>
    PrivateOnly = 1,

    /// <summary>PII is redacted before the request leaves.</summary>
    Redact = 2,
}

namespace Platform.Shared.Data;

/// <summary>A save tried to touch a row of a tenant other than the one in scope.</summary>
public sealed class TenantIsolationException(string message) : InvalidOperationException(message);

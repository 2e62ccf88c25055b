namespace Platform.Shared.Domain;

/// <summary>
/// What one data-plane process admitted for one rate-limit scope in one minute window. Each process
/// publishes its own row (upsert) and reads the others', so limits hold across instances.
/// Rows of past windows are deleted by the data planes.
/// </summary>
public sealed class RateLimitCounter : ITenantOwned
{
    public Guid TenantId { get; set; }

    /// <summary><c>tenant</c> or <c>key:&lt;api key id&gt;</c>.</summary>
    public required string Scope { get; set; }

    /// <summary>Start of the UTC minute the counts belong to.</summary>
    public DateTime WindowStart { get; set; }

    /// <summary>The publishing data-plane process (a new id at every start).</summary>
    public required string Instance { get; set; }

    public long Requests { get; set; }

    public long Tokens { get; set; }

    public DateTime UpdatedAt { get; set; }
}

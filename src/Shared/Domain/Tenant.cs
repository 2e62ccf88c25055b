namespace Platform.Shared.Domain;

public sealed class Tenant : IGlobalEntity
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>URL-safe unique name, e.g. <c>demo</c>.</summary>
    public required string Slug { get; set; }

    public required string Name { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Bumped on every change to a policy row; data planes reload when it moves.</summary>
    public long ConfigVersion { get; set; }

    public string? StripeCustomerId { get; set; }

    public bool Disabled { get; set; }

    /// <summary>Requests per minute across all the tenant's keys; null for no limit.</summary>
    public int? RequestsPerMinute { get; set; }

    /// <summary>Tokens (input + output) per minute across all the tenant's keys; null for no limit.</summary>
    public int? TokensPerMinute { get; set; }
}

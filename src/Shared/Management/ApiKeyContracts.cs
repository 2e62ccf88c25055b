using FluentValidation;

namespace Platform.Shared.Management;

/// <summary>What the management API shows of an API key: never the secret or its hash.</summary>
public sealed record ApiKeyView(
    Guid Id,
    string Name,
    string Prefix,
    IReadOnlyList<string> Endpoints,
    IReadOnlyList<string> Routes,
    IReadOnlyList<string> Models,
    int? RequestsPerMinute,
    int? TokensPerMinute,
    DateTime? ExpiresAt,
    DateTime? RevokedAt,
    DateTime? LastUsedAt,
    DateTime CreatedAt);

/// <summary>The answer to create and rotate: the only time the secret is shown.</summary>
public sealed record ApiKeyWithSecret(ApiKeyView Key, string Secret);

/// <summary>A page of the key list: name contains <see cref="Name"/>, <see cref="Status"/> one of <see cref="Statuses"/> (or all).</summary>
public sealed record ApiKeyQuery(string? Name = null, string? Status = null, int? Page = null, int? PageSize = null)
{
    public static readonly IReadOnlyList<string> Statuses = ["active", "revoked", "expired"];
}

/// <summary>Create or replace an API key's settings. Empty lists mean "everything".</summary>
public sealed record ApiKeyInput
{
    public string Name { get; init; } = "";

    public IReadOnlyList<string> Endpoints { get; init; } = [];

    public IReadOnlyList<string> Routes { get; init; } = [];

    public IReadOnlyList<string> Models { get; init; } = [];

    public int? RequestsPerMinute { get; init; }

    public int? TokensPerMinute { get; init; }

    public DateTime? ExpiresAt { get; init; }
}

public sealed class ApiKeyInputValidator : AbstractValidator<ApiKeyInput>
{
    public static readonly IReadOnlySet<string> KnownEndpoints = new HashSet<string>(StringComparer.Ordinal) { "chat", "messages", "embeddings", "models" };

    public ApiKeyInputValidator(TimeProvider time)
    {
        RuleFor(k => k.Name).NotEmpty().MaximumLength(100).Matches("^[A-Za-z0-9][A-Za-z0-9 ._-]*$")
            .WithMessage("Name may use letters, digits, space, '.', '_' and '-', starting with a letter or digit.");
        RuleForEach(k => k.Endpoints).Must(KnownEndpoints.Contains)
            .WithMessage((_, e) => $"Unknown endpoint '{e}'; use {string.Join(", ", KnownEndpoints.Order(StringComparer.Ordinal))}.");
        RuleForEach(k => k.Routes).NotEmpty().MaximumLength(100);
        RuleForEach(k => k.Models).NotEmpty().MaximumLength(200);
        RuleFor(k => k.RequestsPerMinute).GreaterThan(0).When(k => k.RequestsPerMinute is not null);
        RuleFor(k => k.TokensPerMinute).GreaterThan(0).When(k => k.TokensPerMinute is not null);
        RuleFor(k => k.ExpiresAt).Must(e => e > time.GetUtcNow().UtcDateTime)
            .When(k => k.ExpiresAt is not null).WithMessage("Expiry must be in the future.");
    }
}

using FluentValidation;
using Platform.Shared.Domain;

namespace Platform.Shared.Management;

public sealed record ApiClientView(Guid Id, string Name, string ClientId, string Role, DateTime CreatedAt, DateTime? RevokedAt);

/// <summary>The answer to create: the only time the client secret is shown.</summary>
public sealed record ApiClientWithSecret(ApiClientView Client, string ClientSecret);

public sealed record ApiClientInput
{
    public string Name { get; init; } = "";

    /// <summary><c>owner</c>, <c>admin</c>, <c>finance</c> or <c>viewer</c>.</summary>
    public string Role { get; init; } = "viewer";
}

public sealed class ApiClientInputValidator : AbstractValidator<ApiClientInput>
{
    public ApiClientInputValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(100);
        RuleFor(c => c.Role).Must(r => TenantRoles.TryParse(r, out _))
            .WithMessage("Role must be owner, admin, finance or viewer.");
    }
}

public static class TenantRoles
{
    public static bool TryParse(string? text, out TenantRole role)
    {
        role = default;
        return text is not null && !int.TryParse(text, out _) && Enum.TryParse(text, ignoreCase: true, out role) && Enum.IsDefined(role);
    }

    public static string Name(TenantRole role) => role.ToString().ToLowerInvariant();
}

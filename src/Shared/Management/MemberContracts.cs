using FluentValidation;

namespace Platform.Shared.Management;

/// <summary>A member of the tenant: the user and their role. <see cref="JoinedAt"/> is when the membership was created.</summary>
public sealed record MemberView(Guid UserId, string Email, string? DisplayName, string Role, DateTime JoinedAt);

/// <summary>A page of the member list, by e-mail; <see cref="Role"/> one of <see cref="TenantRoles"/>' names, or all.</summary>
public sealed record MemberQuery(string? Role = null, int? Page = null, int? PageSize = null);

public sealed record MemberRoleInput
{
    /// <summary><c>owner</c>, <c>admin</c>, <c>finance</c> or <c>viewer</c>.</summary>
    public string Role { get; init; } = "";
}

public sealed class MemberRoleInputValidator : AbstractValidator<MemberRoleInput>
{
    public MemberRoleInputValidator() =>
        RuleFor(m => m.Role).Must(r => TenantRoles.TryParse(r, out _)).WithMessage("Role must be owner, admin, finance or viewer.");
}

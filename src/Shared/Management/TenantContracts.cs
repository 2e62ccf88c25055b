using FluentValidation;
using Platform.Shared.Config;

namespace Platform.Shared.Management;

public sealed record TenantView(Guid Id, string Slug, string Name, bool Disabled, DateTime CreatedAt);

/// <summary>A new tenant and its first owner (by e-mail).</summary>
public sealed record TenantInput
{
    /// <summary>URL-safe unique name: lower-case letters, digits and '-', at most 64.</summary>
    public string Slug { get; init; } = "";

    public string Name { get; init; } = "";

    public string OwnerEmail { get; init; } = "";
}

public sealed class TenantInputValidator : AbstractValidator<TenantInput>
{
    public TenantInputValidator()
    {
        RuleFor(t => t.Slug).NotEmpty().Matches(Rules.Slug())
            .WithMessage("Slug may use only lower-case letters, digits and '-' (at most 64), starting with a letter or digit.");
        RuleFor(t => t.Name).NotEmpty().MaximumLength(200);
        RuleFor(t => t.OwnerEmail).NotEmpty().MaximumLength(256).EmailAddress();
    }
}

/// <summary>
/// The answer to create. <see cref="Owner"/> is <c>member</c> when a user with the owner's e-mail
/// already existed and was made owner, <c>invited</c> when an owner invitation was sent instead.
/// </summary>
public sealed record TenantCreated(TenantView Tenant, string Owner, InvitationCreated? Invitation);

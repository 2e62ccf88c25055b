using Platform.Shared.Data;
using Platform.Shared.Domain;

namespace Platform.ControlPlane.Features.Members;

/// <summary>A membership with its user's e-mail: a member-init projection (not a constructor), so EF can still order and filter by its members.</summary>
internal sealed class MemberRow
{
    public required Membership Membership { get; init; }

    public string? Email { get; init; }

    public string? DisplayName { get; init; }
}

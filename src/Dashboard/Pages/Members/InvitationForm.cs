using Platform.Shared.Management;

namespace Platform.Dashboard.Pages.Members;

/// <summary>The invite form's model, with <see cref="InvitationInput"/>'s property names so the shared validator's and the operation's errors land on the right field.</summary>
public sealed class InvitationForm
{
    public static readonly IReadOnlyList<string> Fields = [nameof(Email), nameof(Role)];

    public string Email { get; set; } = "";

    public string Role { get; set; } = "viewer";

    public InvitationInput ToInput() => new() { Email = Email.Trim(), Role = Role };
}

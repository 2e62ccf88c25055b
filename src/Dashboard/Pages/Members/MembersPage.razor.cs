using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Dashboard.Components;
using Platform.Dashboard.Session;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Pages.Members;

/// <summary>
/// <c>/members</c>: the tenant's members and pending invitations, through <see cref="IMemberOperations"/>
/// and <see cref="IInvitationOperations"/> (what <c>/api/v1/members</c> and <c>/api/v1/invitations</c> run).
/// Every member sees the list; owners and admins invite, change roles, remove and revoke. Only the
/// roles the user may grant are offered, and whatever the operation still refuses (the last owner)
/// is shown in its own words.
/// </summary>
public sealed partial class MembersPage : OperationComponentBase
{
    private static readonly int[] PageSizes = [10, 25, 50, 100];

    private MudTable<MemberView>? _members;
    private MudTable<InvitationView>? _invitations;
    private string? _error;

    // Part of each role picker's key: after a change (refused or not) the pickers are rebuilt from
    // the reloaded rows, so a refused choice does not linger in a picker that kept its own state.
    private int _changes;

    [CascadingParameter]
    public DashboardUser User { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private string? CallerRole => User.Tenant?.Role;

    private bool MayChange(MemberView member) => User.Rights.ManageMembers && MemberRoles.MayGrant(CallerRole, member.Role);

    private async Task<TableData<MemberView>> LoadMembersAsync(TableState state, CancellationToken _)
    {
        var query = new MemberQuery(null, state.Page + 1, state.PageSize);
        var outcome = await RunAsync((IMemberOperations members, CancellationToken ct) => members.ListAsync(query, ct));
        if (!outcome.Succeeded)
        {
            _error = outcome.Failure.Detail;
            return new TableData<MemberView> { Items = [], TotalItems = 0 };
        }

        return new TableData<MemberView> { Items = outcome.Value.Items, TotalItems = outcome.Value.Total };
    }

    private async Task<TableData<InvitationView>> LoadInvitationsAsync(TableState state, CancellationToken _)
    {
        var query = new InvitationQuery("pending", state.Page + 1, state.PageSize);
        var outcome = await RunAsync((IInvitationOperations invitations, CancellationToken ct) => invitations.ListAsync(query, ct));
        if (!outcome.Succeeded)
        {
            _error = outcome.Failure.Detail;
            return new TableData<InvitationView> { Items = [], TotalItems = 0 };
        }

        return new TableData<InvitationView> { Items = outcome.Value.Items, TotalItems = outcome.Value.Total };
    }

    private async Task ChangeRoleAsync(MemberView member, string role)
    {
        if (role == member.Role)
        {
            return;
        }

        var input = new MemberRoleInput { Role = role };
        var outcome = await RunAsync((IMemberOperations members, CancellationToken ct) => members.ChangeRoleAsync(member.UserId, input, null, ct));
        if (outcome.Succeeded)
        {
            _error = null;
            Snackbar.Add($"{member.Email} is now {outcome.Value.Role}.", Severity.Success);
        }
        else
        {
            // The select shows the role the member really has again, with the reason next to the list.
            _error = outcome.Failure.Detail;
        }

        _changes++;
        await ReloadMembersAsync();
    }

    private async Task RemoveAsync(MemberView member)
    {
        if (!await Dialogs.ConfirmAsync(
            $"Remove {member.Email}?",
            "They lose access to this tenant at once (their account stays). Invite them again to undo.",
            "Remove"))
        {
            return;
        }

        var outcome = await RunAsync((IMemberOperations members, CancellationToken ct) => members.RemoveAsync(member.UserId, null, ct));
        if (outcome.Succeeded)
        {
            _error = null;
            Snackbar.Add($"{member.Email} removed.", Severity.Success);
            await ReloadMembersAsync();
        }
        else
        {
            _error = outcome.Failure.Detail;
        }
    }

    private async Task InviteAsync()
    {
        var parameters = new DialogParameters<InviteDialog> { { d => d.CallerRole, CallerRole } };
        var dialog = await Dialogs.ShowAsync<InviteDialog>("Invite a member", parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is not { Canceled: false, Data: InvitationCreated created })
        {
            return;
        }

        if (created.Link is null)
        {
            Snackbar.Add($"Invitation e-mailed to {created.Invitation.Email}.", Severity.Success);
        }
        else
        {
            // The link lives only in the dialog: once it closes, nothing on the page holds it.
            var link = new DialogParameters<InvitationLinkDialog> { { d => d.Created, created } };
            var shown = await Dialogs.ShowAsync<InvitationLinkDialog>("Invitation created", link,
                new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, BackdropClick = false });
            await shown.Result;
        }

        await ReloadInvitationsAsync();
    }

    private async Task RevokeAsync(InvitationView invitation)
    {
        if (!await Dialogs.ConfirmAsync(
            $"Revoke the invitation of {invitation.Email}?",
            "The link stops working at once. You can invite them again later.",
            "Revoke"))
        {
            return;
        }

        var outcome = await RunAsync((IInvitationOperations invitations, CancellationToken ct) => invitations.RevokeAsync(invitation.Id, ct));
        if (outcome.Succeeded)
        {
            _error = null;
            Snackbar.Add($"Invitation of {invitation.Email} revoked.", Severity.Success);
        }
        else
        {
            _error = outcome.Failure.Detail;
        }

        await ReloadInvitationsAsync();
    }

    private Task ReloadMembersAsync() => _members?.ReloadServerData() ?? Task.CompletedTask;

    private Task ReloadInvitationsAsync() => _invitations?.ReloadServerData() ?? Task.CompletedTask;

    private static string Day(DateTime time) => time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Time(DateTime time) => time.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary><c>user:ann@example.com</c> reads as the address.</summary>
    private static string Actor(string actor) => actor.StartsWith("user:", StringComparison.Ordinal) ? actor[5..] : actor;
}

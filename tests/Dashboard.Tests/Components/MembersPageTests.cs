using Bunit;
using MudBlazor;
using Platform.Dashboard.Pages.Members;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Tests.Components;

/// <summary>The members page over fake member and invitation operations: rights, the invite form's validation, the link shown once, refusals.</summary>
public sealed class MembersPageTests : IAsyncLifetime
{
    private readonly DashboardTestContext _context = new();

    private FakeMemberOperations Members => _context.Members;

    private FakeInvitationOperations Invitations => _context.Invitations;

    /// <summary>The members table's rows (the invitations table below has its own).</summary>
    private const string MemberRows = "[aria-label='Members'] tbody tr";

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public void Viewer_SeesMembersButNoInviteRolePickerRemoveOrInvitations()
    {
        var page = _context.Render<MembersPage>(p => p.AddCascadingValue(DashboardTestContext.UserWithRole("viewer")));

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(MemberRows).Count));
        Assert.Contains("admin@acme.test", page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid='invite']"));
        Assert.Empty(page.FindComponents<MudSelect<string>>());
        Assert.Empty(page.FindAll("button[aria-label^='Remove ']"));
        Assert.DoesNotContain("Pending invitations", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Admin_MayNotTouchTheOwner_ButChangesAndRemovesOthers()
    {
        var page = _context.Render<MembersPage>(p => p.AddCascadingValue(DashboardTestContext.UserWithRole("admin")));

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(MemberRows).Count));
        Assert.Empty(page.FindAll("button[aria-label='Remove owner@acme.test']"));
        Assert.Single(page.FindAll("button[aria-label='Remove viewer@acme.test']"));
        Assert.Equal(2, page.FindComponents<MudSelect<string>>().Count);
        var ownerRow = page.FindAll(MemberRows).Single(r => r.TextContent.Contains("owner@acme.test", StringComparison.Ordinal));
        Assert.Empty(ownerRow.QuerySelectorAll(".mud-select"));
    }

    [Fact]
    public async Task ChangeRole_Refused_ShowsTheOperationsMessage_AndKeepsTheRole()
    {
        const string lastOwner = "This is the tenant's last owner: make another member owner first.";
        Members.OnChangeRole = (_, _) => Failure.Conflict(lastOwner);
        var page = _context.Render<MembersPage>(p => p.AddCascadingValue(DashboardTestContext.UserWithRole("owner")));
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(MemberRows).Count));

        var ownerRole = page.FindComponents<MudSelect<string>>().Single(s => Equals(s.Instance.UserAttributes["aria-label"], "Role of owner@acme.test"));
        await page.InvokeAsync(() => ownerRole.Instance.ValueChanged.InvokeAsync("viewer"));

        page.WaitForAssertion(() => Assert.Contains(lastOwner, page.Find("[data-testid='members-error']").TextContent, StringComparison.Ordinal));
        var change = Assert.Single(Members.RoleChanges);
        Assert.Equal("viewer", change.Role);
        Assert.Equal("owner", Assert.Single(Members.Members, m => m.Email == "owner@acme.test").Role);
    }

    [Fact]
    public void InviteForm_InvalidEmail_ShowsTheSharedValidatorsMessage_AndInvitesNobody()
    {
        var dialogs = _context.RenderProviders();
        var page = _context.Render<MembersPage>(p => p.AddCascadingValue(DashboardTestContext.UserWithRole("owner")));
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(MemberRows).Count));

        page.Find("[data-testid='invite']").Click();
        dialogs.WaitForElement("input[data-testid='invite-email']").Change("not-an-address");
        dialogs.Find("[data-testid='invite-submit']").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("is not a valid email address", dialogs.Markup, StringComparison.Ordinal));
        Assert.Empty(Invitations.Created);
    }

    [Fact]
    public void InviteForm_AlreadyAMember_ShowsTheOperationsMessageAtTheEmailField()
    {
        Invitations.OnCreate = input => Failure.Conflict($"{input.Email} is already a member of this tenant.", "Email");
        var dialogs = _context.RenderProviders();
        var page = _context.Render<MembersPage>(p => p.AddCascadingValue(DashboardTestContext.UserWithRole("admin")));
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(MemberRows).Count));

        page.Find("[data-testid='invite']").Click();
        dialogs.WaitForElement("input[data-testid='invite-email']").Change("viewer@acme.test");
        dialogs.Find("[data-testid='invite-submit']").Click();

        dialogs.WaitForAssertion(() =>
        {
            var field = dialogs.Find("[data-testid='invite-email']").Closest(".mud-input-control")!;
            Assert.Contains("viewer@acme.test is already a member of this tenant.", field.TextContent, StringComparison.Ordinal);
        });
        Assert.Single(Invitations.Created);
    }

    [Fact]
    public void Invite_WithoutMailServer_ShowsTheLinkOnce_ThenListsThePendingInvitation()
    {
        var dialogs = _context.RenderProviders();
        var page = _context.Render<MembersPage>(p => p.AddCascadingValue(DashboardTestContext.UserWithRole("owner")));
        page.WaitForAssertion(() => Assert.Contains("No pending invitations.", page.Markup, StringComparison.Ordinal));

        page.Find("[data-testid='invite']").Click();
        dialogs.WaitForElement("input[data-testid='invite-email']").Change("new@acme.test");
        dialogs.Find("[data-testid='invite-submit']").Click();

        dialogs.WaitForAssertion(() => Assert.Equal(FakeInvitationOperations.Link,
            dialogs.Find("input[data-testid='invitation-link']").GetAttribute("value")));
        Assert.Equal(("new@acme.test", "viewer"), (Invitations.Created[0].Email, Invitations.Created[0].Role));
        dialogs.Find("[data-testid='link-done']").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid='invitation-link']")));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("button[aria-label='Revoke invitation of new@acme.test']")));
        Assert.DoesNotContain(FakeInvitationOperations.Link, page.Markup, StringComparison.Ordinal);
    }
}

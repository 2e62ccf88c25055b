using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Platform.Shared.Domain;
using static Microsoft.Playwright.Assertions;

namespace Platform.Dashboard.Tests.EndToEnd;

/// <summary>
/// Members and invitations in real headless Chromium against the real host: an owner invites a new
/// e-mail, a second browser (a phone) opens the link, chooses a password, signs in and lands in the
/// tenant with the invited role; the owner sees the new member.
/// </summary>
[Collection(DashboardHostCollection.Name)]
public sealed class MembersPageEndToEndTests(DashboardHost host)
{
    [Fact]
    public async Task Invite_NewEmailAcceptsOnAPhone_SignsIn_OwnerSeesTheMember()
    {
        var slug = await host.CreateTenantAsync();
        var email = $"new-{Guid.NewGuid():N}"[..14] + "@example.test";
        var desktop = new Screenshots("desktop");
        var mobile = new Screenshots("mobile");
        await using var ownerContext = await host.NewContextAsync();
        var owner = await ownerContext.NewPageAsync();
        await BrowserSteps.SignInAsync(owner, "/members", $"owner@{slug}.test");
        await Expect(owner.GetByRole(AriaRole.Heading, new() { Name = "Members", Exact = true })).ToBeVisibleAsync();
        await Expect(owner.GetByRole(AriaRole.Row).Filter(new() { HasText = $"viewer@{slug}.test" })).ToBeVisibleAsync();
        await Expect(owner.GetByText("No pending invitations.")).ToBeVisibleAsync();
        await desktop.TakeAsync(owner, "members");

        var dialog = await BrowserSteps.OpenDialogAsync(owner.GetByTestId("invite"));
        await dialog.GetByLabel("E-mail").FillAsync(email);
        await dialog.Locator(".mud-select").Filter(new() { HasText = "Role" }).First.ClickAsync();
        await owner.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "admin" }).ClickAsync();
        await desktop.TakeAsync(owner, "members-invite");
        await dialog.GetByTestId("invite-submit").ClickAsync();
        var linkField = owner.GetByTestId("invitation-link");
        await Expect(linkField).ToHaveValueAsync(new Regex("/invite/[A-Za-z0-9_-]+$"));
        var link = new Uri(await linkField.InputValueAsync());
        await desktop.TakeAsync(owner, "members-invitation-link");
        await owner.GetByTestId("link-done").ClickAsync();
        await Expect(owner.GetByRole(AriaRole.Button, new() { Name = $"Revoke invitation of {email}" })).ToBeVisibleAsync();

        await using var phoneContext = await host.NewContextAsync(390, 844);
        var phone = await phoneContext.NewPageAsync();
        await phone.GotoAsync(link.PathAndQuery);
        await Expect(phone.GetByTestId("invite-summary")).ToContainTextAsync($"{email} is invited to {slug} Ltd as admin");
        await mobile.TakeAsync(phone, "invite");
        var invite = await BrowserSteps.WidthsAsync(phone);
        await phone.GetByLabel("Password", new() { Exact = true }).FillAsync(DashboardHost.Password);
        await phone.GetByLabel("Repeat password").FillAsync(DashboardHost.Password);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Create account and join" }).ClickAsync();
        await Expect(phone.GetByTestId("invite-accepted")).ToContainTextAsync($"You joined {slug} Ltd as admin");
        await mobile.TakeAsync(phone, "invite-accepted");
        await phone.GetByLabel("Password", new() { Exact = true }).FillAsync(DashboardHost.Password);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(phone).ToHaveURLAsync(new Regex("/$"));
        await BrowserSteps.WaitInteractiveAsync(phone);

        // As an admin of the tenant, the new member may invite too.
        await phone.GotoAsync("/members");
        await BrowserSteps.WaitInteractiveAsync(phone);
        await Expect(phone.GetByRole(AriaRole.Row).Filter(new() { HasText = email })).ToBeVisibleAsync();
        await Expect(phone.GetByTestId("invite")).ToBeVisibleAsync();
        await mobile.TakeAsync(phone, "members");
        var members = await BrowserSteps.WidthsAsync(phone);

        await owner.ReloadAsync();
        await BrowserSteps.WaitInteractiveAsync(owner);
        await Expect(owner.GetByRole(AriaRole.Row).Filter(new() { HasText = email })).ToContainTextAsync("admin");
        await Expect(owner.GetByText("No pending invitations.")).ToBeVisibleAsync();

        // The audit log tells the story: the owner's invitation, its acceptance, the new member.
        await owner.GotoAsync("/audit");
        await BrowserSteps.WaitInteractiveAsync(owner);
        // Each step waits for the list it acts on: a click on a row that a reload is replacing would miss it.
        await Expect(owner.GetByRole(AriaRole.Row).Filter(new() { HasText = "member" }).First).ToBeVisibleAsync();
        await owner.GetByLabel("Entity type").FillAsync("invitation");
        await Expect(owner.GetByRole(AriaRole.Row).Filter(new() { HasText = "member" })).ToHaveCountAsync(0);
        var accepted = owner.GetByRole(AriaRole.Row).Filter(new() { HasText = email }).Filter(new() { HasText = "accept" });
        await Expect(accepted).ToContainTextAsync($"user:{email}");
        await Expect(owner.GetByRole(AriaRole.Row).Filter(new() { HasText = email }).Filter(new() { HasText = $"user:owner@{slug}.test" }))
            .ToContainTextAsync("create");
        await accepted.GetByRole(AriaRole.Button, new() { Name = "Show changes of accept invitation" }).ClickAsync();
        await Expect(accepted.GetByRole(AriaRole.Button, new() { Name = "Hide changes of accept invitation" })).ToBeVisibleAsync();
        await desktop.TakeAsync(owner, "audit");
        var status = owner.GetByTestId("audit-changes").Locator("tr[data-field='status']");
        await Expect(status).ToContainTextAsync("pending");
        await Expect(status).ToContainTextAsync("accepted");
        await Expect(status).ToHaveClassAsync(new Regex("audit-changed"));
        await owner.GetByLabel("Entity type").FillAsync("member");
        await Expect(owner.GetByRole(AriaRole.Row).Filter(new() { HasText = "invitation" })).ToHaveCountAsync(0);
        await Expect(owner.GetByRole(AriaRole.Row).Filter(new() { HasText = email }).Filter(new() { HasText = "create" })).ToBeVisibleAsync();

        await phone.GotoAsync("/audit");
        await BrowserSteps.WaitInteractiveAsync(phone);
        await Expect(phone.GetByRole(AriaRole.Row).Filter(new() { HasText = email }).First).ToBeVisibleAsync();
        await mobile.TakeAsync(phone, "audit");
        var audit = await BrowserSteps.WidthsAsync(phone);

        Assert.True(audit.ScrollWidth <= audit.InnerWidth, $"/audit overflows: {audit}");
        Assert.True(invite.ScrollWidth <= invite.InnerWidth, $"/invite overflows: {invite}");
        Assert.True(members.ScrollWidth <= members.InnerWidth, $"/members overflows: {members}");
        await using var db = await host.TenantDbAsync(slug);
        var joined = await db.Memberships.Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Email, m.Role }).SingleAsync(m => m.Email == email);
        Assert.Equal(TenantRole.Admin, joined.Role);
    }

    [Fact]
    public async Task InviteLink_Unknown_ShowsTheOperationsMessage_NotAnErrorPage()
    {
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/invite/not-a-real-token");

        Assert.Equal(200, response!.Status);
        await Expect(page.GetByTestId("invite-problem")).ToHaveTextAsync("This invitation link is not valid.");
    }
}

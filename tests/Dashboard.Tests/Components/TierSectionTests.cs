using Bunit;
using Platform.Dashboard.Pages.Routes;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Tests.Components;

/// <summary>The routes page's tiers over a fake <c>ITierOperations</c>: the ordered models, the model editor (add, move, remove), field errors, delete refused while used, roles.</summary>
public sealed class TierSectionTests : IAsyncLifetime
{
    private readonly DashboardTestContext _context = new();

    private FakeTierOperations Tiers => _context.Tiers;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public void FirstRender_DrawsEachTiersModelsInOrder_AndTheRoutesOnIt()
    {
        var section = Render("viewer");

        section.WaitForAssertion(() => Assert.Single(section.FindAll("[data-testid='tier']")));
        Assert.Equal(["1. openai/mini", "2. anthropic/haiku"], section.FindAll("[data-testid='tier-model-chip']").Select(c => c.TextContent.Trim()));
        Assert.Equal("Used by route summaries.", section.Find("[data-testid='tier-routes']").TextContent.Trim());
        Assert.Empty(section.FindAll("[data-testid='create-tier']"));
        Assert.Empty(section.FindAll("button[aria-label^='Delete tier']"));
    }

    [Fact]
    public void ModelEditor_AddMoveRemove_SendsTheModelsInTheEditedOrder()
    {
        var dialogs = _context.RenderProviders();
        var section = Render("admin");
        OpenCreate(section, dialogs);

        dialogs.Find("input[data-testid='tier-name']").Change("premium");
        dialogs.FindAll("input[data-testid='tier-model']")[0].Input("openai/a");
        dialogs.Find("[data-testid='add-tier-model']").Click();
        dialogs.FindAll("input[data-testid='tier-model']")[1].Input("openai/b");
        dialogs.Find("[data-testid='add-tier-model']").Click();
        dialogs.FindAll("input[data-testid='tier-model']")[2].Input("openai/c");
        dialogs.Find("button[aria-label='Move tier model 3 up']").Click();
        dialogs.Find("button[aria-label='Move tier model 1 down']").Click();
        dialogs.Find("button[aria-label='Remove tier model 3']").Click();
        dialogs.Find("[data-testid='tier-submit']").Click();

        dialogs.WaitForAssertion(() => Assert.Single(Tiers.Saved));
        Assert.Equal("premium", Tiers.Saved[0].Input.Name);
        Assert.Equal(["openai/c", "openai/a"], Tiers.Saved[0].Input.Models.Select(m => m.Model));
    }

    [Fact]
    public void ModelEditor_NoModelsOrATwiceListedModel_ShowsTheValidatorsMessage_AndSavesNothing()
    {
        var dialogs = _context.RenderProviders();
        var section = Render("admin");
        OpenCreate(section, dialogs);

        dialogs.Find("input[data-testid='tier-name']").Change("premium");
        dialogs.Find("button[aria-label='Remove tier model 1']").Click();
        dialogs.Find("[data-testid='tier-submit']").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("A tier needs at least one model.", dialogs.Find("[data-testid='tier-models-error']").TextContent, StringComparison.Ordinal));

        dialogs.Find("[data-testid='add-tier-model']").Click();
        dialogs.FindAll("input[data-testid='tier-model']")[0].Input("openai/a");
        dialogs.Find("[data-testid='add-tier-model']").Click();
        dialogs.FindAll("input[data-testid='tier-model']")[1].Input("openai/a");
        dialogs.Find("[data-testid='tier-submit']").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("listed twice", dialogs.Find("[data-testid='tier-models-error']").TextContent, StringComparison.Ordinal));
        Assert.Empty(Tiers.Saved);
    }

    [Fact]
    public void ServerErrors_UnknownModelOnItsRow_UnservableRouteAboveTheForm()
    {
        var calls = 0;
        Tiers.OnSave = _ => ++calls == 1
            ? Failure.Invalid(new Dictionary<string, string[]> { ["models[0].model"] = ["No model named 'openai/ghost' in the catalog."] })
            : Failure.Conflict("Changing tier 'premium' would leave route 'chat': no candidate is in region 'eu'.");
        var dialogs = _context.RenderProviders();
        var section = Render("owner");
        OpenCreate(section, dialogs);

        dialogs.Find("input[data-testid='tier-name']").Change("premium");
        dialogs.FindAll("input[data-testid='tier-model']")[0].Input("openai/ghost");
        dialogs.Find("[data-testid='tier-submit']").Click();
        dialogs.WaitForAssertion(() =>
            Assert.Contains("No model named 'openai/ghost'", dialogs.Find("[data-testid='tier-model-row']").TextContent, StringComparison.Ordinal));

        // Editing the model clears the operation's now stale error on it.
        dialogs.FindAll("input[data-testid='tier-model']")[0].Input("openai/real");
        Assert.DoesNotContain("No model named", dialogs.Find("[data-testid='tier-model-row']").TextContent, StringComparison.Ordinal);
        dialogs.Find("[data-testid='tier-submit']").Click();
        dialogs.WaitForAssertion(() =>
            Assert.Contains("would leave route 'chat'", dialogs.Find("[data-testid='tier-form-error']").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void Delete_WhileRoutesUseIt_SaysWhichAndDoesNotCall()
    {
        var dialogs = _context.RenderProviders();
        var section = Render("admin");
        section.WaitForAssertion(() => Assert.Single(section.FindAll("[data-testid='tier']")));

        section.Find("button[aria-label='Delete tier cheap']").Click();
        var refusal = dialogs.WaitForElement(".mud-message-box");
        Assert.Contains("summaries", refusal.TextContent, StringComparison.Ordinal);
        refusal.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "OK").Click();

        Assert.Empty(Tiers.Deleted);
    }

    [Fact]
    public void Delete_Unused_AfterConfirmation_CallsTheOperation()
    {
        Tiers.Routes.Clear();
        var dialogs = _context.RenderProviders();
        var section = Render("admin");
        section.WaitForAssertion(() => Assert.Single(section.FindAll("[data-testid='tier']")));

        section.Find("button[aria-label='Delete tier cheap']").Click();
        dialogs.WaitForElement(".mud-message-box").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Delete").Click();

        section.WaitForAssertion(() => Assert.Equal([Tiers.Tiers[0].Id], Tiers.Deleted));
    }

    private IRenderedComponent<TierSection> Render(string role) =>
        _context.Render<TierSection>(p => p.Add(s => s.User, DashboardTestContext.UserWithRole(role)));

    private static void OpenCreate(IRenderedComponent<TierSection> section, IRenderedComponent<MudBlazor.MudDialogProvider> dialogs)
    {
        section.WaitForAssertion(() => Assert.Single(section.FindAll("[data-testid='tier']")));
        section.Find("[data-testid='create-tier']").Click();
        dialogs.WaitForElement("input[data-testid='tier-name']");
    }
}

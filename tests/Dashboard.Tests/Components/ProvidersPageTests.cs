using Bunit;
using MudBlazor;
using Platform.Dashboard.Pages.Providers;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Tests.Components;

/// <summary>The providers page over fake operations: both tables with health, roles, the dialogs' validation, delete refusals, connection tests.</summary>
public sealed class ProvidersPageTests : IAsyncLifetime
{
    private readonly DashboardTestContext _context = new();

    private FakeProviderOperations Providers => _context.Providers;

    private FakeModelOperations Models => _context.Models;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public void FirstRender_ListsProvidersAndModels_WithHealthOfTheLastFifteenMinutes()
    {
        var page = Render("viewer");

        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("tbody tr").Count));
        Assert.Equal("15m", Assert.Single(Providers.HealthQueries).Window);
        var openAi = page.FindAll("tbody tr").First(r => r.TextContent.Contains("https://openai.example.test/v1", StringComparison.Ordinal));
        Assert.Contains("set", openAi.QuerySelector("td[data-label='Credential']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("40 calls", openAi.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 model circuit open (inferred)", openAi.TextContent, StringComparison.Ordinal);
        var gpt = page.FindAll("tbody tr").First(r => r.TextContent.Contains("openai/gpt-4o", StringComparison.Ordinal));
        Assert.Contains("circuit open (seen 11:49, inferred)", gpt.TextContent, StringComparison.Ordinal);
        Assert.Contains("$2.50 · $10.00", gpt.TextContent, StringComparison.Ordinal);
        Assert.Equal("approved", gpt.QuerySelector("td[data-label='Customer-facing']")!.TextContent.Trim());
        var claude = page.FindAll("tbody tr").First(r => r.TextContent.Contains("anthropic/claude", StringComparison.Ordinal));
        Assert.Contains("No calls", claude.TextContent, StringComparison.Ordinal);
        Assert.Contains("circuit closed (inferred)", claude.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Viewer_SeesBothTablesAndPriceHistory_ButNoWriteOrTestButtons()
    {
        var page = Render("viewer");

        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("tbody tr").Count));
        Assert.Empty(page.FindAll("[data-testid='create-provider'], [data-testid='create-model']"));
        Assert.Empty(page.FindAll("button[aria-label^='Edit '], button[aria-label^='Delete '], button[aria-label^='Test connection']"));
        Assert.Equal(2, page.FindAll("button[aria-label^='Price history of ']").Count);
    }

    [Fact]
    public void Admin_SeesAddEditDeleteAndTest()
    {
        var page = Render("admin");

        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("tbody tr").Count));
        Assert.Single(page.FindAll("[data-testid='create-provider']"));
        Assert.Single(page.FindAll("[data-testid='create-model']"));
        Assert.Equal(2, page.FindAll("button[aria-label^='Test connection to ']").Count);
        Assert.Equal(4, page.FindAll("button[aria-label^='Delete ']").Count);
    }

    [Fact]
    public void ProviderForm_BadUrlAndName_ShowsTheSharedValidatorsMessages_AndWritesNothing()
    {
        var dialogs = _context.RenderProviders();
        var page = Render("admin");
        page.WaitForAssertion(() => Assert.NotEmpty(Providers.Queries));

        page.Find("[data-testid='create-provider']").Click();
        dialogs.WaitForElement("input[data-testid='provider-name']").Change("bad name");
        dialogs.Find("input[data-testid='provider-base-url']").Change("ftp://x");
        dialogs.Find("[data-testid='provider-submit']").Click();

        dialogs.WaitForAssertion(() =>
        {
            Assert.Contains("Base URL must be an absolute http or https URL.", FieldText(dialogs, "provider-base-url"), StringComparison.Ordinal);
            Assert.Contains("Provider name", FieldText(dialogs, "provider-name"), StringComparison.Ordinal);
        });
        Assert.Empty(Providers.Written);
    }

    [Fact]
    public void ProviderForm_EditLeavingTheCredentialEmpty_SendsNoCredential_SoTheStoredOneIsKept()
    {
        var dialogs = _context.RenderProviders();
        var page = Render("owner");
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("tbody tr").Count));

        page.Find("button[aria-label='Edit openai']").Click();
        var credential = dialogs.WaitForElement("input[data-testid='provider-credential']");
        Assert.Equal("", credential.GetAttribute("value") ?? "");
        Assert.Contains("A credential is set. Leave empty to keep it", dialogs.Markup, StringComparison.Ordinal);
        dialogs.Find("input[data-testid='provider-region']").Change("us");
        dialogs.Find("[data-testid='provider-submit']").Click();

        dialogs.WaitForAssertion(() => Assert.Single(Providers.Written));
        Assert.Equal(("openai", null, "us"), (Providers.Written[0].Name, Providers.Written[0].Credential, Providers.Written[0].Region));
    }

    [Fact]
    public void EditProvider_OpensWhatItReadsAfresh_AndSendsThatETag()
    {
        var dialogs = _context.RenderProviders();
        var page = Render("admin");
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("tbody tr").Count));

        // Someone else moves the provider to another region after the table was drawn.
        Providers.Providers[0] = Providers.Providers[0] with { Region = "ap" };
        page.Find("button[aria-label='Edit openai']").Click();
        Assert.Equal("ap", dialogs.WaitForElement("input[data-testid='provider-region']").GetAttribute("value"));
        dialogs.Find("[data-testid='provider-submit']").Click();

        dialogs.WaitForAssertion(() => Assert.Single(Providers.Written));
        Assert.Equal([FakeProviderOperations.ETag], Providers.IfMatches);
    }

    [Fact]
    public void EditProvider_DeletedMeanwhile_ShowsNotFound_AndOpensNoDialog()
    {
        var dialogs = _context.RenderProviders();
        var page = Render("admin");
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("tbody tr").Count));

        Providers.Providers.RemoveAt(0);
        page.Find("button[aria-label='Edit openai']").Click();

        page.WaitForAssertion(() => Assert.Contains("No provider with that id", page.Find("[data-testid='providers-error']").TextContent, StringComparison.Ordinal));
        Assert.Empty(dialogs.FindAll("input[data-testid='provider-name']"));
        Assert.Empty(Providers.Written);
    }

    [Fact]
    public void EditModel_SendsTheETagRead()
    {
        var dialogs = _context.RenderProviders();
        var page = Render("admin");
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("tbody tr").Count));

        page.Find("button[aria-label='Edit openai/gpt-4o']").Click();
        Assert.Equal("openai/gpt-4o", dialogs.WaitForElement("input[data-testid='model-name']").GetAttribute("value"));
        dialogs.Find("[data-testid='model-submit']").Click();

        dialogs.WaitForAssertion(() => Assert.Single(Models.Written));
        Assert.Equal([FakeModelOperations.ETag], Models.IfMatches);
    }

    [Fact]
    public void ProviderForm_NameTakenOnTheServer_ShowsTheErrorAtTheNameField()
    {
        Providers.OnWrite = input => Failure.Conflict($"A provider named '{input.Name}' already exists.", "Name");
        var dialogs = _context.RenderProviders();
        var page = Render("admin");
        page.WaitForAssertion(() => Assert.NotEmpty(Providers.Queries));

        page.Find("[data-testid='create-provider']").Click();
        dialogs.WaitForElement("input[data-testid='provider-name']").Change("openai");
        dialogs.Find("input[data-testid='provider-base-url']").Change("https://api.openai.com/v1");
        dialogs.Find("[data-testid='provider-submit']").Click();

        dialogs.WaitForAssertion(() =>
            Assert.Contains("A provider named 'openai' already exists.", FieldText(dialogs, "provider-name"), StringComparison.Ordinal));
    }

    [Fact]
    public void ModelForm_NegativePriceAndOutputAboveContext_ShowMessagesAtTheirFields_AndWritesNothing()
    {
        var dialogs = _context.RenderProviders();
        var page = Render("admin");
        page.WaitForAssertion(() => Assert.NotEmpty(Models.Queries));

        page.Find("[data-testid='create-model']").Click();
        dialogs.WaitForElement("input[data-testid='model-name']").Change("openai/gpt-5");
        dialogs.Find("input[data-testid='model-context']").Change("1000");
        dialogs.Find("input[data-testid='model-max-output']").Change("2000");
        dialogs.Find("input[data-testid='model-price-input']").Change("-1");
        dialogs.Find("[data-testid='model-submit']").Click();

        dialogs.WaitForAssertion(() =>
        {
            Assert.Contains("must be greater than or equal to '0'", FieldText(dialogs, "model-price-input"), StringComparison.Ordinal);
            Assert.Contains("cannot exceed 'contextWindow'", FieldText(dialogs, "model-max-output"), StringComparison.Ordinal);
        });
        Assert.Empty(Models.Written);
    }

    [Fact]
    public void ModelForm_UnknownProviderOnTheServer_ShowsItAtTheNameField()
    {
        Models.OnWrite = input => Failure.Invalid("Name", $"Model '{input.Name}' refers to unknown provider 'nobody'.");
        var dialogs = _context.RenderProviders();
        var page = Render("admin");
        page.WaitForAssertion(() => Assert.NotEmpty(Models.Queries));

        page.Find("[data-testid='create-model']").Click();
        dialogs.WaitForElement("input[data-testid='model-name']").Change("nobody/m");
        dialogs.Find("[data-testid='model-submit']").Click();

        dialogs.WaitForAssertion(() =>
            Assert.Contains("refers to unknown provider 'nobody'", FieldText(dialogs, "model-name"), StringComparison.Ordinal));
        var sent = Assert.Single(Models.Written);
        Assert.Null(sent.UpstreamId);
        Assert.Equal(["streaming"], sent.Capabilities);
    }

    [Fact]
    public void DeleteProvider_RefusedWhileModelsUseIt_ShowsTheOperationsMessage_CancelSendsNothing()
    {
        Providers.OnDelete = _ => Failure.Conflict("Provider 'openai' is still used by models 'openai/gpt-4o'; delete or move them first.");
        var dialogs = _context.RenderProviders();
        var page = Render("admin");
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("tbody tr").Count));

        page.Find("button[aria-label='Delete openai']").Click();
        dialogs.WaitForElement(".mud-message-box").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();
        page.Find("button[aria-label='Delete openai']").Click();
        dialogs.WaitForElement(".mud-message-box").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Delete").Click();

        page.WaitForAssertion(() => Assert.Contains("still used by models 'openai/gpt-4o'", page.Find("[data-testid='providers-error']").TextContent,
            StringComparison.Ordinal));
        Assert.Single(Providers.Deleted);
    }

    [Fact]
    public void TestConnection_ShowsProgressWhileRunning_ThenTheErrorClassMessageAndLatency()
    {
        var answer = new TaskCompletionSource<Outcome<ProviderTestResult>>();
        Providers.OnTest = _ => answer.Task;
        var page = Render("admin");
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("tbody tr").Count));

        page.Find("button[aria-label='Test connection to anthropic']").Click();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[aria-label='Testing anthropic']")));
        answer.SetResult(Outcome.Ok(new ProviderTestResult(false, null, 12, "Cannot reach https://anthropic.example.test: Connection refused")));

        page.WaitForAssertion(() => Assert.Equal(
            "connection: Cannot reach https://anthropic.example.test: Connection refused · 12 ms", page.Find("[data-testid='test-result']").TextContent.Trim()));
        Assert.Empty(page.FindAll("[aria-label='Testing anthropic']"));
    }

    [Fact]
    public void PriceHistory_ListsTheRowsNewestFirst()
    {
        var dialogs = _context.RenderProviders();
        var page = Render("viewer");
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("tbody tr").Count));

        page.Find("button[aria-label='Price history of openai/gpt-4o']").Click();

        var rows = dialogs.WaitForElement("[data-testid='price-history']").QuerySelectorAll("tbody tr");
        Assert.Equal(["$3.00", "$2.50"], rows.Select(r => r.QuerySelectorAll("td")[1].TextContent));
    }

    private IRenderedComponent<ProvidersPage> Render(string role) =>
        _context.Render<ProvidersPage>(p => p.AddCascadingValue(DashboardTestContext.UserWithRole(role)));

    private static string FieldText(IRenderedComponent<MudDialogProvider> dialogs, string testId) =>
        dialogs.Find($"[data-testid='{testId}']").Closest(".mud-input-control")!.TextContent;
}

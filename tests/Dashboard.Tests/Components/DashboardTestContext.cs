using Bunit;
using Microsoft.AspNetCore.Components;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Platform.Dashboard.Session;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Tests.Components;

/// <summary>
/// The one bUnit setup of the dashboard's component tests: MudBlazor with transitions off, loose
/// JS interop (MudBlazor's own calls answer defaults), a still clock, the shared validators, and
/// the page's operations faked behind the real <see cref="IDashboardOperations"/> contract.
/// Tests hold one and dispose it asynchronously (MudBlazor's services are async-disposable only).
/// </summary>
internal sealed class DashboardTestContext : BunitContext
{
    public DashboardTestContext()
    {
        // WaitFor* polls; its 1 s default is shorter than a 300 ms debounce plus a render on a
        // two-core machine running every test project at once. Only a failing test waits longer.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
            options.PopoverOptions.CheckForPopoverProvider = false;
        });
        Services.AddSingleton<TimeProvider>(new FixedTime(FixedTime.Noon));
        Services.AddSingleton<IValidator<ApiKeyInput>>(sp => new ApiKeyInputValidator(sp.GetRequiredService<TimeProvider>()));
        Services.AddSingleton<IDashboardOperations, DirectOperations>();
        Services.AddSingleton<IApiKeyOperations>(Keys);
        Services.AddSingleton<IProviderOperations>(Providers);
        Services.AddSingleton<IValidator<ProviderInput>, ProviderInputValidator>();
        Services.AddSingleton<IModelOperations>(Models);
        Services.AddSingleton<IValidator<ModelInput>, ModelInputValidator>();
        Services.AddSingleton<IValidator<PromptInput>, PromptInputValidator>();
        Services.AddSingleton<IValidator<PromptVersionInput>, PromptVersionInputValidator>();
        Services.AddSingleton<IPromptOperations>(Prompts);
        Services.AddSingleton<IRouteOperations>(Routes);
        Services.AddSingleton<IValidator<RouteInput>, RouteInputValidator>();
        Services.AddSingleton<IValidator<DryRunInput>, DryRunInputValidator>();
        Services.AddSingleton<IUsageOperations>(Usage);
        Services.AddSingleton<IOverviewOperations>(Overview);
        Services.AddSingleton<IFinanceOperations>(Finance);
        Services.AddSingleton<IFallbackPolicyOperations>(FallbackPolicies);
        Services.AddSingleton<IValidator<FallbackPolicyInput>, FallbackPolicyInputValidator>();
        Services.AddSingleton<ITierOperations>(Tiers);
        Services.AddSingleton<IValidator<TierInput>, TierInputValidator>();
        Services.AddSingleton<IConfigOperations>(Config);
        Services.AddSingleton<IMemberOperations>(Members);
        Services.AddSingleton<IInvitationOperations>(Invitations);
        Services.AddSingleton<IValidator<InvitationInput>, InvitationInputValidator>();
        Services.AddSingleton<IAuditOperations>(Audit);

        Services.AddSingleton<IValidator<BudgetInput>, BudgetInputValidator>();
        Services.AddSingleton<IBudgetOperations>(Budgets);
        Services.AddSingleton<IAlertOperations>(Alerts);
        Services.AddSingleton<IBillingOperations>(Billing);

        // Last: it builds the renderer, after which no service can be added. Components render as in
        // a connected circuit (buttons enabled), not as prerendered HTML.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public FakeApiKeyOperations Keys { get; } = new();

    public FakeMemberOperations Members { get; } = new();

    public FakeInvitationOperations Invitations { get; } = new();

    public FakeAuditOperations Audit { get; } = new();

    public FakePromptOperations Prompts { get; } = new();

    public FakeRouteOperations Routes { get; } = new();

    public FakeUsageOperations Usage { get; } = new();

    public FakeOverviewOperations Overview { get; } = new();

    public FakeFinanceOperations Finance { get; } = new();

    public FakeProviderOperations Providers { get; } = new();

    public FakeModelOperations Models { get; } = new();

    public FakeBudgetOperations Budgets { get; } = new();

    public FakeAlertOperations Alerts { get; } = new();

    public FakeBillingOperations Billing { get; } = new();

    public FakeFallbackPolicyOperations FallbackPolicies { get; } = new();

    public FakeTierOperations Tiers { get; } = new();

    public FakeConfigOperations Config { get; } = new();

    /// <summary>A user of tenant <c>acme</c> with <paramref name="role"/>'s rights (the host computes these; here they are given).</summary>
    public static DashboardUser UserWithRole(string role)
    {
        var tenant = new TenantChoice(Guid.NewGuid(), "acme", "Acme", role);
        var rights = role is "owner" or "admin" ? new TenantRights(true, true, true, role == "owner", role == "owner", true) : TenantRights.ReadOnly;
        return new DashboardUser(Guid.NewGuid(), $"{role}@acme.test", false, tenant, [tenant], rights);
    }

    /// <summary>MudBlazor's dialogs and popovers render into these providers, as in the real layout.</summary>
    public IRenderedComponent<MudDialogProvider> RenderProviders()
    {
        Render<MudPopoverProvider>();
        return Render<MudDialogProvider>(p => p.Add(d => d.CloseOnEscapeKey, true));
    }
}

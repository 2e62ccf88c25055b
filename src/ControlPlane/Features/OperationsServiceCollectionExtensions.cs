using Platform.ControlPlane.Features.ApiKeys;
using Platform.ControlPlane.Features.Audit;
using Platform.ControlPlane.Features.Billing;
using Platform.ControlPlane.Features.Budgets;
using Platform.ControlPlane.Features.Config;
using Platform.ControlPlane.Features.FallbackPolicies;
using Platform.ControlPlane.Features.Finance;
using Platform.ControlPlane.Features.Members;
using Platform.ControlPlane.Features.Models;
using Platform.ControlPlane.Features.Overview;
using Platform.ControlPlane.Features.Prompts;
using Platform.ControlPlane.Features.Providers;
using Platform.ControlPlane.Features.Routes;
using Platform.ControlPlane.Features.Tiers;
using Platform.ControlPlane.Features.Usage;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Features;

/// <summary>
/// The application operations the management API and the dashboard share. Scoped: each runs with
/// the scope's <see cref="Access.Caller"/>, tenant and database context, which the API sets per
/// request and the dashboard per call.
/// </summary>
internal static class OperationsServiceCollectionExtensions
{
    public static IServiceCollection AddPlatformOperations(this IServiceCollection services)
    {
        services.AddScoped<IApiKeyOperations, ApiKeyOperations>();
        services.AddScoped<IProviderOperations, ProviderOperations>();
        services.AddScoped<IModelOperations, ModelOperations>();
        services.AddScoped<IPromptOperations, PromptOperations>();
        services.AddScoped<IRouteOperations, RouteOperations>();
        services.AddScoped<IUsageOperations, UsageOperations>();
        services.AddScoped<IOverviewOperations, OverviewOperations>();
        services.AddScoped<IFinanceOperations, FinanceOperations>();
        services.AddScoped<IBudgetOperations, BudgetOperations>();
        services.AddScoped<IAlertOperations, AlertOperations>();
        services.AddScoped<IBillingOperations, BillingOperations>();
        services.AddScoped<IMemberOperations, MemberOperations>();
        services.AddScoped<IInvitationOperations, InvitationOperations>();
        services.AddScoped<InvitationAcceptance>();
        services.AddScoped<IAuditOperations, AuditOperations>();
        services.AddScoped<IFallbackPolicyOperations, FallbackPolicyOperations>();
        services.AddScoped<ITierOperations, TierOperations>();
        services.AddScoped<IConfigOperations, ConfigOperations>();
        return services;
    }
}

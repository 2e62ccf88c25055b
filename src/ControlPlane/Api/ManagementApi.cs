using FluentValidation;
using Platform.ControlPlane.Access;
using Platform.Shared.Management;

namespace Platform.ControlPlane.Api;

/// <summary>
/// The management API, <c>/api/v1</c>: minimal APIs, one static class per resource. Every route
/// in the tenant group runs <see cref="TenantScopeFilter"/> first: the tenant comes from the
/// principal, the database context is filtered to it, the role is checked.
/// </summary>
internal static class ManagementApi
{
    public static IServiceCollection AddManagementApi(this IServiceCollection services)
    {
        services.AddScoped<AuditLog>();
        services.AddSingleton<IValidator<ApiKeyInput>, ApiKeyInputValidator>();
        services.AddSingleton<IValidator<DryRunInput>, DryRunInputValidator>();
        services.AddSingleton<IValidator<ApiClientInput>, ApiClientInputValidator>();
        services.AddSingleton<IValidator<MemberRoleInput>, MemberRoleInputValidator>();
        services.AddSingleton<IValidator<InvitationInput>, InvitationInputValidator>();
        services.AddSingleton<IValidator<AcceptInvitationInput>, AcceptInvitationInputValidator>();
        services.AddSingleton<IValidator<TenantInput>, TenantInputValidator>();
        services.AddScoped<InvitationIssuer>();
        services.AddSingleton<IValidator<PromptInput>, PromptInputValidator>();
        services.AddSingleton<IValidator<PromptUpdateInput>, PromptUpdateInputValidator>();
        services.AddSingleton<IValidator<PromptVersionInput>, PromptVersionInputValidator>();
        services.AddSingleton<IValidator<PromptLabelInput>, PromptLabelInputValidator>();
        services.AddSingleton<IValidator<BudgetInput>, BudgetInputValidator>();
        services.AddSingleton<IValidator<ProviderInput>, ProviderInputValidator>();
        services.AddSingleton<IValidator<ModelInput>, ModelInputValidator>();
        services.AddSingleton<IValidator<TierInput>, TierInputValidator>();
        services.AddSingleton<IValidator<FallbackPolicyInput>, FallbackPolicyInputValidator>();
        services.AddSingleton<IValidator<RouteInput>, RouteInputValidator>();
        services.AddProviderConnectionTest();
        return services;
    }

    public static IEndpointRouteBuilder MapManagementApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").AddEndpointFilter<TenantScopeFilter>();
        ApiKeyEndpoints.Map(api);
        ApiClientEndpoints.Map(api);
        MemberEndpoints.Map(api);
        InvitationEndpoints.Map(api);
        InvitationAcceptEndpoint.Map(app);
        TenantEndpoints.Map(app);
        PromptEndpoints.Map(api);
        BudgetEndpoints.Map(api);
        AlertEndpoints.Map(api);
        WebhookEndpoints.Map(api);
        AuditEndpoints.Map(api);
        ConfigEndpoints.Map(api);
        UsageEndpoints.Map(api);
        FinanceEndpoints.Map(api);
        ProviderEndpoints.Map(api);
        ModelEndpoints.Map(api);
        TierEndpoints.Map(api);
        FallbackPolicyEndpoints.Map(api);
        RouteEndpoints.Map(api);
        BillingEndpoints.Map(api, app);
        RoutingDryRunEndpoint.Map(api);
        return app;
    }
}

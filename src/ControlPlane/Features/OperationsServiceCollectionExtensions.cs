using Platform.ControlPlane.Features.ApiKeys;
using Platform.ControlPlane.Features.Finance;
using Platform.ControlPlane.Features.Overview;
using Platform.ControlPlane.Features.Prompts;
using Platform.ControlPlane.Features.Routes;
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
        services.AddScoped<IPromptOperations, PromptOperations>();
        services.AddScoped<IRouteOperations, RouteOperations>();
        services.AddScoped<IUsageOperations, UsageOperations>();
        services.AddScoped<IOverviewOperations, OverviewOperations>();
        services.AddScoped<IFinanceOperations, FinanceOperations>();
        return services;
    }
}

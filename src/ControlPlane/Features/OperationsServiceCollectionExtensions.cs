using Platform.ControlPlane.Features.ApiKeys;
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
        return services;
    }
}

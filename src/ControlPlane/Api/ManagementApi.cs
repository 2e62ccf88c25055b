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
        services.AddSingleton<IValidator<ApiClientInput>, ApiClientInputValidator>();
        return services;
    }

    public static IEndpointRouteBuilder MapManagementApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").AddEndpointFilter<TenantScopeFilter>();
        ApiKeyEndpoints.Map(api);
        ApiClientEndpoints.Map(api);
        return app;
    }
}

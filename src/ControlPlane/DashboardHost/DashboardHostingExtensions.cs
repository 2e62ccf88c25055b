using MudBlazor.Services;
using Platform.Dashboard;
using Platform.Dashboard.Session;

namespace Platform.ControlPlane.DashboardHost;

/// <summary>
/// Hosts the dashboard (a Razor class library, interactive server rendering): its components,
/// MudBlazor, the signed-in user and the operation runner it sees, and the account form posts.
/// </summary>
internal static class DashboardHostingExtensions
{
    public static IServiceCollection AddPlatformDashboard(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddMudServices();
        services.AddScoped<IDashboardSession, DashboardSession>();
        services.AddScoped<IDashboardOperations, DashboardOperations>();
        return services;
    }

    public static IEndpointRouteBuilder MapPlatformDashboard(this IEndpointRouteBuilder app)
    {
        app.MapAccountEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}

using Hangfire;
using Platform.ControlPlane.Access;
using Platform.ControlPlane.Api;
using Platform.ControlPlane.Jobs;
using Platform.ControlPlane.DashboardHost;
using Platform.ControlPlane.Features;
using Platform.Shared.Config;
using Scalar.AspNetCore;
using Platform.Shared.Hosting;
using Platform.Shared.Mail;
using Platform.Shared.Security;

namespace Platform.ControlPlane.Hosting;

internal static class ControlPlaneHostingExtensions
{
    public static WebApplicationBuilder AddControlPlane(this WebApplicationBuilder builder)
    {
        // Serve the dashboard's and MudBlazor's assets from build output in every environment,
        // not only Development: the embedded default runs un-published.
        builder.WebHost.UseStaticWebAssets();
        builder.AddPlatformObservability("platform-controlplane");
        builder.Services.AddPlatformDatabase(builder.Configuration);
        builder.Services.AddPlatformSecrets();
        builder.Services.AddOutboundAddressPolicy(builder.Configuration);
        builder.Services.AddPlatformConfigAsCode();
        builder.Services.AddPlatformAccess(builder.Configuration);
        builder.Services.AddScoped<OAuthClients>();
        builder.Services.AddPlatformOperations();
        builder.Services.AddManagementApi();
        builder.Services.AddPlatformEmail(builder.Configuration);
        builder.Services.AddPlatformHealthChecks();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddPlatformJobs(builder.Configuration);
        builder.Services.AddPlatformDashboard();
        return builder;
    }

    public static WebApplication MapControlPlane(this WebApplication app)
    {
        // A body that does not bind (malformed JSON, wrong types) is the caller's mistake: 400, not 500.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapPlatformHealth();
        app.MapOpenApi("/api/v1/openapi.json");
        app.MapScalarApiReference("/api/v1/docs", docs => docs.WithOpenApiRoutePattern("/api/v1/openapi.json").WithTitle("Platform management API"));
        app.MapSessionEndpoints();
        app.MapOAuthEndpoints();
        app.MapManagementApi();
        app.MapPlatformJobsDashboard();
        app.MapPlatformDashboard();
        return app;
    }
}

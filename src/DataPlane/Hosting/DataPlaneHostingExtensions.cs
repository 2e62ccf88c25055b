using Platform.Shared.Hosting;

namespace Platform.DataPlane.Hosting;

internal static class DataPlaneHostingExtensions
{
    public static WebApplicationBuilder AddDataPlane(this WebApplicationBuilder builder)
    {
        builder.AddPlatformObservability("platform-dataplane");
        builder.Services.AddPlatformDatabase(builder.Configuration);
        builder.Services.AddPlatformHealthChecks();
        builder.Services.AddProblemDetails();
        return builder;
    }

    public static WebApplication MapDataPlane(this WebApplication app)
    {
        app.MapPlatformHealth();
        return app;
    }
}

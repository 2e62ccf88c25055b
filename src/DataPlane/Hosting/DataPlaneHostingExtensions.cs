using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.DataPlane.Budgets;
using Platform.DataPlane.Caching;
using Platform.DataPlane.Configuration;
using Platform.DataPlane.Endpoints;
using Platform.DataPlane.Forwarding;
using Platform.DataPlane.Limits;
using Platform.DataPlane.Providers;
using Platform.DataPlane.Recording;
using Platform.DataPlane.Routing;
using Platform.Shared.Hosting;

namespace Platform.DataPlane.Hosting;

internal static class DataPlaneHostingExtensions
{
    private const string InlineSocketCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    public static WebApplicationBuilder AddDataPlane(this WebApplicationBuilder builder)
    {
        builder.AddPlatformObservability("platform-dataplane");
        builder.UseInlineIo();
        builder.Services.AddOptions<DataPlaneOptions>()
            .Bind(builder.Configuration.GetSection(DataPlaneOptions.Section))
            .Validate(o => o.MaxRequestBodyBytes > 0, "DataPlane options must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<DataPlaneInstance>();
        builder.Services.AddPlatformDatabase(builder.Configuration);
        builder.Services.AddDataPlaneSecrets();
        builder.Services.AddPolicySnapshots(builder.Configuration);
        builder.Services.AddPlatformHealthChecks(HealthStatus.Degraded)
            .AddCheck<PolicySnapshotReadyCheck>("policy", tags: [HealthEndpoints.ReadyTag]);
        builder.Services.AddOutboundAddressPolicy(builder.Configuration);
        builder.Services.AddProviderAdapters();
        builder.Services.AddDataPlaneRouting();
        builder.Services.AddForwarding();
        builder.Services.AddUsageRecording();
        builder.Services.AddRateLimits(builder.Configuration);
        builder.Services.AddBudgets(builder.Configuration);
        builder.Services.AddResponseCache(builder.Configuration);
        builder.Services.AddDataPlaneEndpoints();
        return builder;
    }

    /// <summary>
    /// <see cref="DataPlaneOptions.InlineIo"/>. The runtime reads its switch once, when the first socket is
    /// made, so it is set here, before the host builds; a value already in the environment wins.
    /// </summary>
    private static void UseInlineIo(this WebApplicationBuilder builder)
    {
        var inline = (builder.Configuration.GetSection(DataPlaneOptions.Section).Get<DataPlaneOptions>() ?? new()).InlineIo;
        if (inline && Environment.GetEnvironmentVariable(InlineSocketCompletions) is null)
        {
            Environment.SetEnvironmentVariable(InlineSocketCompletions, "1");
        }

        builder.WebHost.UseSockets(sockets => sockets.UnsafePreferInlineScheduling = inline);
    }

    public static WebApplication MapDataPlane(this WebApplication app)
    {
        app.UseDataPlaneErrors();
        app.MapPlatformHealth();
        app.MapDataPlaneApi();
        app.MapUnknownPaths();
        return app;
    }
}

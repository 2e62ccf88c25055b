using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Platform.Shared.Hosting;

public static class ObservabilityExtensions
{
    /// <summary>
    /// Traces and metrics through OpenTelemetry (exported over OTLP when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set), and structured console logs (JSON when
    /// <c>Logging:Json</c> is true).
    /// </summary>
    public static IHostApplicationBuilder AddPlatformObservability(this IHostApplicationBuilder builder, string serviceName)
    {
        // Every SQL statement at Information drowns the logs (and the hot path); opt in via config.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);
        if (builder.Configuration.GetValue<bool>("Logging:Json"))
        {
            builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true);
        }

        // Instrumentation costs a few microseconds and allocations per request (measured on the data
        // plane's hot path), so it is wired only when there is somewhere to send it.
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName))
            .WithTracing(t => t
                .AddSource("Platform.*")
                .AddAspNetCoreInstrumentation(o => o.Filter = ctx => !IsHealthProbe(ctx.Request.Path))
                .AddHttpClientInstrumentation())
            .WithMetrics(m => m
                .AddMeter("Platform.*")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .UseOtlpExporter();
        return builder;
    }

    private static bool IsHealthProbe(Microsoft.AspNetCore.Http.PathString path) =>
        path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz");
}

using Microsoft.Extensions.Options;
using Platform.Shared.Hosting;

namespace Platform.DataPlane.Recording;

internal static class RecordingServiceCollectionExtensions
{
    public static IServiceCollection AddUsageRecording(this IServiceCollection services)
    {
        services.AddSingleton<UsageChannel>();
        services.AddSingleton<UsageRecorder>();
        services.AddSingleton(sp => new UsageSpool(
            Path.Combine(Path.GetFullPath(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.DataDirectory), "spool"),
            sp.GetRequiredService<ILogger<UsageSpool>>()));
        services.AddSingleton<UsageWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<UsageWriter>());
        return services;
    }
}

using Microsoft.Extensions.Options;
using Platform.DataPlane.Hosting;
using Platform.Shared.Hosting;

namespace Platform.DataPlane.Recording;

internal static class RecordingServiceCollectionExtensions
{
    public static IServiceCollection AddUsageRecording(this IServiceCollection services)
    {
        services.AddSingleton(_ => new UsageChannel());
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DataPlaneOptions>>().Value;
            return new UsageJournal(
                Path.Combine(DataDirectory(sp), "journal"),
                options.RecordUsage && options.UsageJournal,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<UsageJournal>>());
        });
        services.AddSingleton<UsageRecorder>();
        services.AddSingleton(sp => new UsageSpool(
            Path.Combine(DataDirectory(sp), "spool"),
            sp.GetRequiredService<ILogger<UsageSpool>>()));
        services.AddSingleton<UsageWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<UsageWriter>());
        return services;
    }

    private static string DataDirectory(IServiceProvider sp) =>
        Path.GetFullPath(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.DataDirectory);
}

namespace Platform.DataPlane.Recording;

internal static class RecordingServiceCollectionExtensions
{
    public static IServiceCollection AddUsageRecording(this IServiceCollection services)
    {
        services.AddSingleton<UsageChannel>();
        services.AddSingleton<UsageRecorder>();
        services.AddSingleton<UsageWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<UsageWriter>());
        return services;
    }
}

using Hangfire;
using Hangfire.InMemory;
using Platform.Shared.Hosting;

namespace Platform.ControlPlane.Jobs;

internal static class JobsHostingExtensions
{
    /// <summary>Hangfire on SQL Server storage in production, in memory for the embedded default.</summary>
    public static IServiceCollection AddPlatformJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddHangfire(hangfire =>
        {
            hangfire.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (database.IsSqlServer)
            {
                hangfire.UseSqlServerStorage(database.ResolveConnectionString());
            }
            else
            {
                hangfire.UseInMemoryStorage(new InMemoryStorageOptions());
            }
        });
        services.AddHangfireServer(server => server.WorkerCount = 2);
        return services;
    }
}

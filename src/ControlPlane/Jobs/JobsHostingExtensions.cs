using Hangfire;
using Hangfire.InMemory;
using Platform.ControlPlane.Jobs.Alerts;
using Platform.ControlPlane.Jobs.Billing;
using Platform.ControlPlane.Jobs.Finance;
using Platform.ControlPlane.Jobs.Retention;
using Platform.ControlPlane.Jobs.Rollups;
using Platform.Shared.Hosting;

namespace Platform.ControlPlane.Jobs;

internal static class JobsHostingExtensions
{
    /// <summary>Hangfire on SQL Server storage in production, in memory for the embedded default.</summary>
    public static IServiceCollection AddPlatformJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var jobs = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        services.Configure<JobsOptions>(configuration.GetSection(JobsOptions.Section));
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
        services.AddHangfireServer(server => server.WorkerCount = jobs.WorkerCount);
        services.AddSingleton<RecurringJobRunner>();
        services.AddSingleton<TenantJobScope>();
        services.AddHostedService<JobSchedule>();

        // The recurring jobs, each with its Hangfire id and UTC cron.
        services.AddStripeBilling(configuration).AddRecurringJob<StripeBillingJob>(StripeBillingJob.Id, StripeBillingJob.Cron);
        services.AddBudgetAlerts(configuration).AddRecurringJob<BudgetAlertJob>(BudgetAlertJob.Id, Cron.Minutely());
        services.AddRecurringJob<UsageRollupJob>(UsageRollupJob.Id, Cron.Minutely());
        services.AddRecurringJob<UsageRetentionJob>(UsageRetentionJob.Id, Cron.Daily(3));
        services.AddRecurringJob<MonthlyFinanceReportJob>(MonthlyFinanceReportJob.Id, MonthlyFinanceReportJob.Cron);
        return services;
    }

    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, string id, string cron)
        where TJob : class, IPlatformJob
    {
        services.AddScoped<TJob>();
        services.AddSingleton(new RecurringJobDefinition(id, typeof(TJob), cron));
        return services;
    }

    /// <summary>The Hangfire dashboard, for platform operators only.</summary>
    public static WebApplication MapPlatformJobsDashboard(this WebApplication app)
    {
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            AsyncAuthorization = [new OperatorDashboardAuthorization()],
            DisplayStorageConnectionString = false,
        });
        return app;
    }
}

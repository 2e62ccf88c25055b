using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Shared.Data;

namespace Platform.Shared.Hosting;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="PlatformDbContext"/> on the configured provider, the scoped tenant
    /// context it filters by, and the options (validated again at start-up).
    /// </summary>
    public static IServiceCollection AddPlatformDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.Section))
            .Validate(o => o.Validate().Count == 0, "Database options are invalid.")
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<TenantContext>();
        services.AddScoped<ITenantContext>(sp => sp.GetRequiredService<TenantContext>());
        services.AddDbContext<PlatformDbContext>(db => db.UsePlatformDatabase(options), optionsLifetime: ServiceLifetime.Singleton);
        services.AddSingleton<PlatformDbContextFactory>();
        return services;
    }

    public static DbContextOptionsBuilder UsePlatformDatabase(this DbContextOptionsBuilder builder, DatabaseOptions options)
    {
        if (options.IsSqlServer)
        {
            return builder.UseSqlServer(options.ResolveConnectionString(), sql =>
            {
                sql.MigrationsAssembly(MigrationAssemblies.SqlServer);
                sql.EnableRetryOnFailure(3);
            });
        }

        Directory.CreateDirectory(Path.GetFullPath(options.DataDirectory));
        return builder.UseSqlite(options.ResolveConnectionString(), sqlite => sqlite.MigrationsAssembly(MigrationAssemblies.Sqlite));
    }
}

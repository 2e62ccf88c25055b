using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Platform.Shared.Data;
using Platform.Shared.Hosting;

namespace Platform.Migrations.SqlServer;

/// <summary>
/// Lets <c>dotnet ef migrations add/script</c> build the model for SQL Server without a host; no
/// server is contacted, so the connection string only has to parse.
/// </summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PlatformDbContext>
{
    public PlatformDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PlatformDbContext>();
        builder.UsePlatformDatabase(new DatabaseOptions
        {
            Provider = DatabaseOptions.SqlServer,
            ConnectionString = "Server=localhost;Database=Platform;Trusted_Connection=True;TrustServerCertificate=True",
        });
        return new PlatformDbContext(builder.Options, new TenantContext());
    }
}

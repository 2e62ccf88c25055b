using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Platform.Shared.Data;
using Platform.Shared.Hosting;

namespace Platform.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for SQLite without a host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PlatformDbContext>
{
    public PlatformDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PlatformDbContext>();
        builder.UsePlatformDatabase(new DatabaseOptions { Provider = DatabaseOptions.Sqlite, DataDirectory = Path.GetTempPath() });
        return new PlatformDbContext(builder.Options, new TenantContext());
    }
}

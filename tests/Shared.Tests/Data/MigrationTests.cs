using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Platform.Shared.Data;
using Platform.Shared.Hosting;

namespace Platform.Shared.Tests.Data;

/// <summary>
/// SQL Server cannot run here, so its migrations are checked as text: the script EF generates must
/// parse as T-SQL, and the script committed for operators must be that script.
/// </summary>
public sealed class MigrationTests
{
    [Fact]
    public void SqlServerScript_Generated_ParsesAsTSqlWithoutErrors()
    {
        var script = GenerateSqlServerScript();

        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        parser.Parse(reader, out var errors);

        Assert.Empty(errors.Select(e => $"line {e.Line}: {e.Message}"));
        Assert.Contains("CREATE TABLE [UsageEvents]", script, StringComparison.Ordinal);
    }

    [Fact]
    public void TSqlParser_BrokenScript_ReportsErrors()
    {
        // Guards the test above: the parser must be able to say no.
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader("CREATE TABLE [X] ([Id] int NOT NULL,, PRIMARY KEY);");
        parser.Parse(reader, out var errors);

        Assert.NotEmpty(errors);
    }

    [Fact]
    public void SqlServerScript_Committed_MatchesGenerated()
    {
        var committed = File.ReadAllText(Path.Combine(RepositoryRoot(), "migrations", "SqlServer", "platform.sql"));

        Assert.Equal(Normalize(GenerateSqlServerScript()), Normalize(committed));
    }

    [Theory]
    [InlineData(DatabaseOptions.Sqlite)]
    [InlineData(DatabaseOptions.SqlServer)]
    public void Migrations_ForEachProvider_CoverTheCurrentModel(string provider)
    {
        using var db = CreateContext(provider);

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The {provider} migrations are behind the model: run ./scripts/add-migration.sh <Name>.");
    }

    [Fact]
    public async Task Migrate_FreshSqliteFile_CreatesEveryTable()
    {
        using var database = new SqliteTestDatabase();
        await using var db = database.CreateContext(new TenantContext());

        var applied = await db.Database.GetAppliedMigrationsAsync();
        Assert.Equal(db.Database.GetMigrations(), applied);
        Assert.Equal(0, await db.UsageEvents.IgnoreQueryFilters().CountAsync());
    }

    internal static string GenerateSqlServerScript()
    {
        using var db = CreateContext(DatabaseOptions.SqlServer);
        return db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
    }

    private static PlatformDbContext CreateContext(string provider)
    {
        var builder = new DbContextOptionsBuilder<PlatformDbContext>();
        builder.UsePlatformDatabase(new DatabaseOptions
        {
            Provider = provider,
            ConnectionString = provider == DatabaseOptions.SqlServer ? "Server=localhost;Database=Platform;TrustServerCertificate=True" : null,
            DataDirectory = Path.Combine(Path.GetTempPath(), "platform-tests"),
        });
        return new PlatformDbContext(builder.Options, new TenantContext());
    }

    private static string Normalize(string script) => script.TrimStart((char)0xFEFF).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Platform.sln not found above the test binaries.");
    }
}

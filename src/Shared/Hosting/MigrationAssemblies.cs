namespace Platform.Shared.Hosting;

/// <summary>One migrations project per provider, under <c>migrations/</c>.</summary>
public static class MigrationAssemblies
{
    public const string Sqlite = "Platform.Migrations.Sqlite";
    public const string SqlServer = "Platform.Migrations.SqlServer";
}

using Platform.Shared.Data;

namespace Platform.Shared.Config;

/// <summary>
/// Writes a tenant's configuration in the file format, without secrets, in a stable order: applying
/// the export changes nothing, and exporting again gives the same text.
/// </summary>
public sealed class ConfigExporter(PlatformDbContextFactory factory)
{
    private static readonly string[] Header =
    [
        "Platform configuration, exported. Apply with: controlplane config apply <file>",
        "Not exported: provider credentials, API key secrets, member passwords.",
    ];

    /// <returns>The YAML text, or null when no tenant has that slug.</returns>
    public async Task<string?> ExportAsync(string tenantSlug, CancellationToken cancellationToken = default) =>
        await ExportDocumentAsync(tenantSlug, cancellationToken) is { } document
            ? YamlTextWriter.Write(ConfigYamlBuilder.Build(document), Header)
            : null;

    public async Task<ConfigDocument?> ExportDocumentAsync(string tenantSlug, CancellationToken cancellationToken = default) =>
        await TenantExportReader.ReadAsync(factory, tenantSlug, cancellationToken) is { } tenant
            ? new ConfigDocument { Tenants = [tenant] }
            : null;
}

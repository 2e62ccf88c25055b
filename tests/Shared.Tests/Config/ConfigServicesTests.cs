using Microsoft.Extensions.DependencyInjection;
using Platform.Shared.Config;
using Platform.Shared.Security;

namespace Platform.Shared.Tests.Config;

public sealed class ConfigServicesTests
{
    [Fact]
    public void AddPlatformConfigAsCode_WithDatabaseAndProtector_ResolvesApplierAndExporter()
    {
        using var host = new ConfigTestHost();
        var services = new ServiceCollection()
            .AddSingleton(host.Factory)
            .AddSingleton<ICredentialProtector>(host.Protector)
            .AddPlatformConfigAsCode();

        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.NotNull(provider.GetRequiredService<ConfigApplier>());
        Assert.NotNull(provider.GetRequiredService<ConfigExporter>());
    }
}

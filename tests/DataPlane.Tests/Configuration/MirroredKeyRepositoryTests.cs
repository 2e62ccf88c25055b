using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.DataPlane.Configuration;
using Platform.Shared.Security;

namespace Platform.DataPlane.Tests.Configuration;

public sealed class MirroredKeyRepositoryTests : IDisposable
{
    private readonly PolicyTestEnvironment _env = new();

    [Fact]
    public async Task GetAllElements_DatabaseUp_MirrorsControlPlaneKeysToDataDirectory()
    {
        _env.ControlPlaneProtector().Protect("anything");
        await using var db = _env.CreateContext(null);
        var stored = await db.DataProtectionKeys.SingleAsync();
        var repository = _env.BuildDataPlane().GetRequiredService<MirroredKeyRepository>();

        var elements = repository.GetAllElements();

        Assert.Single(elements);
        var file = Assert.Single(Directory.GetFiles(Path.Combine(_env.DataDirectory, "keys"), "*.xml"));
        Assert.Equal(stored.FriendlyName + ".xml", Path.GetFileName(file));
        Assert.Equal(stored.Xml, await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task StoreElement_DatabaseDown_KeepsKeyLocallyAndCopiesItUpWhenDatabaseAnswers()
    {
        var offline = _env.BuildDataPlane(connectionString: _env.CreateNotADatabase()).GetRequiredService<MirroredKeyRepository>();
        var element = new XElement("key", new XAttribute("id", Guid.NewGuid()));

        offline.StoreElement(element, "key-offline");
        Assert.Single(offline.GetAllElements());

        var online = _env.BuildDataPlane().GetRequiredService<MirroredKeyRepository>();
        Assert.Single(online.GetAllElements());
        await using var db = _env.CreateContext(null);
        var row = await db.DataProtectionKeys.SingleAsync();
        Assert.Equal("key-offline", row.FriendlyName);
        Assert.Empty(Directory.GetFiles(Path.Combine(_env.DataDirectory, "keys"), "*.pending"));
    }

    [Fact]
    public void Protect_DataPlaneProtector_ReadableByControlPlane()
    {
        var dataPlane = _env.BuildDataPlane().GetRequiredService<ICredentialProtector>();

        var payload = dataPlane.Protect("sk-round-trip");

        Assert.Equal("sk-round-trip", _env.ControlPlaneProtector().Unprotect(payload));
    }

    public void Dispose() => _env.Dispose();
}

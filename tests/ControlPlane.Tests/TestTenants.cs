using Microsoft.Extensions.DependencyInjection;
using Platform.Shared.Config;

namespace Platform.ControlPlane.Tests;

/// <summary>A fresh tenant per test, for tests whose writes are tenant-wide (config apply is authoritative for whole sections).</summary>
internal static class TestTenants
{
    /// <returns>The slug; members <c>owner|admin|finance|viewer@&lt;slug&gt;.test</c> sign in with the fixture's password.</returns>
    public static async Task<string> CreateAsync(ControlPlaneFixture fixture, string sections = "")
    {
        var slug = "t" + Guid.NewGuid().ToString("N")[..10];
        var yaml = $"""
            version: 1
            tenants:
              - slug: {slug}
                name: {slug} Ltd
                members:
                  - {'{'} email: owner@{slug}.test, role: owner, password: "{ControlPlaneFixture.Password}" {'}'}
                  - {'{'} email: admin@{slug}.test, role: admin, password: "{ControlPlaneFixture.Password}" {'}'}
                  - {'{'} email: finance@{slug}.test, role: finance, password: "{ControlPlaneFixture.Password}" {'}'}
                  - {'{'} email: viewer@{slug}.test, role: viewer, password: "{ControlPlaneFixture.Password}" {'}'}
            {sections}
            """;
        var parsed = ConfigParser.Parse(yaml, "tenant.yaml", _ => null);
        Assert.True(parsed.Succeeded, string.Join("; ", parsed.Errors));
        var applied = await fixture.Host.Services.GetRequiredService<ConfigApplier>()
            .ApplyAsync(parsed.Document!, new ConfigApplyOptions { AllowPlaintextKeys = true });
        Assert.True(applied.Succeeded, string.Join("; ", applied.Errors));
        return slug;
    }
}

namespace Platform.DataPlane.Tests.Integration;

/// <summary>
/// One test's tenant: a unique slug, key and tag. The tag prefixes every upstream model id, so
/// the simulator shared by all tests keeps each test's scripts and call counts apart.
/// </summary>
public sealed record TestTenant(string Slug, string Key, string Tag)
{
    public Guid Id { get; set; }

    public static TestTenant New()
    {
        var id = Guid.NewGuid().ToString("N");
        return new TestTenant("it-" + id[..16], "plt_test_" + id, id[..10]);
    }

    /// <summary>The upstream model id the YAML writes as <c>${TAG}-name</c>.</summary>
    public string Up(string name) => Tag + "-" + name;
}

using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Tests.Components;

/// <summary>Exports <see cref="Yaml"/>; preview and apply answer what the test sets, and record the file they were sent.</summary>
internal sealed class FakeConfigOperations : IConfigOperations
{
    public string Yaml { get; set; } = "version: 1\ntenants:\n  - slug: acme\n    name: Acme\n";

    public List<string> Previewed { get; } = [];

    public List<string> Applied { get; } = [];

    public Func<string, Outcome<ConfigChangesView>> OnPreview { get; set; } = _ => Outcome.Ok(new ConfigChangesView(false, [], []));

    public Func<string, Outcome<ConfigApplied>> OnApply { get; set; } =
        _ => Outcome.Ok(new ConfigApplied(new ConfigChangesView(true, [], []), 2));

    public Task<Outcome<string>> ExportAsync(CancellationToken ct) => Task.FromResult(Outcome.Ok(Yaml));

    public Task<Outcome<ConfigChangesView>> PreviewAsync(string yaml, CancellationToken ct)
    {
        Previewed.Add(yaml);
        return Task.FromResult(OnPreview(yaml));
    }

    public Task<Outcome<ConfigApplied>> ApplyAsync(string yaml, CancellationToken ct)
    {
        Applied.Add(yaml);
        return Task.FromResult(OnApply(yaml));
    }
}

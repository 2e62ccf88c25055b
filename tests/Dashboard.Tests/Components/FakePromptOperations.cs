using System.Text.Json;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Tests.Components;

/// <summary>
/// One prompt, <c>greet</c> (<see cref="Id"/>), with versions 1 and 2 and <c>production</c> at
/// <see cref="Production"/>; records the label moves and versions the page asks for.
/// </summary>
internal sealed class FakePromptOperations : IPromptOperations
{
    public static readonly Guid Id = Guid.Parse("0b6c1f0e-0000-4000-8000-000000000001");

    private static readonly DateTime At = new(2026, 5, 1, 8, 0, 0, DateTimeKind.Utc);

    public int Production { get; set; } = 2;

    public List<(string Label, int Version)> LabelsSet { get; } = [];

    public List<PromptVersionInput> VersionsCreated { get; } = [];

    public IReadOnlyList<DiffLine> DiffLines { get; set; } =
    [
        new(DiffKind.Same, "variables: name", 1, 1),
        new(DiffKind.Removed, "Hi {{name}}", 2, null),
        new(DiffKind.Added, "Hello {{name}}", null, 2),
    ];

    private PromptView Prompt => new(Id, "greet", "Greets a user", 2, [new PromptLabelView("production", Production, At)], At, At);

    public Task<Outcome<Page<PromptView>>> ListAsync(PromptQuery query, CancellationToken ct) =>
        Task.FromResult(Outcome.Ok(new Page<PromptView>([Prompt], 1, 25, 1)));

    public Task<Outcome<PromptView>> GetAsync(Guid id, CancellationToken ct) => Task.FromResult(Outcome.Ok(Prompt));

    public Task<Outcome<PromptView>> CreateAsync(PromptInput input, CancellationToken ct) => Task.FromResult(Outcome.Ok(Prompt));

    public Task<Outcome<PromptView>> UpdateAsync(Guid id, PromptUpdateInput input, string? ifMatch, CancellationToken ct) =>
        Task.FromResult(Outcome.Ok(Prompt));

    public Task<Outcome<Page<PromptVersionView>>> VersionsAsync(Guid id, int? page, int? pageSize, CancellationToken ct) =>
        Task.FromResult(Outcome.Ok(new Page<PromptVersionView>([Version(2, "Hello {{name}}"), Version(1, "Hi {{name}}")], 1, 200, 2)));

    public Task<Outcome<PromptVersionView>> GetVersionAsync(Guid id, int version, CancellationToken ct) =>
        Task.FromResult(Outcome.Ok(Version(version, "Hi {{name}}")));

    public Task<Outcome<PromptVersionView>> CreateVersionAsync(Guid id, PromptVersionInput input, CancellationToken ct)
    {
        VersionsCreated.Add(input);
        return Task.FromResult(Outcome.Ok(Version(3, input.Messages[0].Content)));
    }

    public Task<Outcome<PromptDiffView>> DiffAsync(Guid id, int? from, int? to, CancellationToken ct) =>
        Task.FromResult(Outcome.Ok(new PromptDiffView(from ?? 1, to ?? 2, 1, 1, DiffLines)));

    public Task<Outcome<PromptLabelView>> GetLabelAsync(Guid id, string label, CancellationToken ct) =>
        Task.FromResult(Outcome.Ok(new PromptLabelView(label, Production, At)));

    public Task<Outcome<LabelSet>> SetLabelAsync(Guid id, string label, PromptLabelInput input, string? ifMatch, CancellationToken ct)
    {
        LabelsSet.Add((label, input.Version));
        Production = input.Version;
        return Task.FromResult(Outcome.Ok(new LabelSet(new PromptLabelView(label, input.Version, At), false)));
    }

    public Task<Outcome<bool>> DeleteLabelAsync(Guid id, string label, string? ifMatch, CancellationToken ct) =>
        Task.FromResult(Outcome.Ok(true));

    public Task<Outcome<Page<PromptLabelMoveView>>> LabelHistoryAsync(Guid id, string? label, int? page, int? pageSize, CancellationToken ct) =>
        Task.FromResult(Outcome.Ok(new Page<PromptLabelMoveView>(
            [new PromptLabelMoveView("production", "promote", 1, 2, "user:owner@acme.test", At)], 1, 50, 1)));

    public Task<Outcome<IReadOnlyList<PromptVersionUsageView>>> UsageByVersionAsync(Guid id, CancellationToken ct) =>
        Task.FromResult(Outcome.Ok<IReadOnlyList<PromptVersionUsageView>>([new PromptVersionUsageView(2, 1234)]));

    private static PromptVersionView Version(int number, string content) => new(
        Guid.NewGuid(), Id, number, JsonSerializer.SerializeToElement(new[] { new { role = "user", content } }),
        ["name"], null, null, "user:owner@acme.test", At);
}

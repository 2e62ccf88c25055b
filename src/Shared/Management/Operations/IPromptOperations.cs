namespace Platform.Shared.Management.Operations;

/// <summary>
/// The prompt registry, for the management API (<c>/api/v1/prompts</c>) and the dashboard's prompts
/// page alike: prompts, their immutable versions, the diff of two versions, and release labels with
/// their history (the audit log of label moves). Reads are open to every role; writes need Configure.
/// </summary>
public interface IPromptOperations
{
    Task<Outcome<Page<PromptView>>> ListAsync(PromptQuery query, CancellationToken ct);

    Task<Outcome<PromptView>> GetAsync(Guid id, CancellationToken ct);

    Task<Outcome<PromptView>> CreateAsync(PromptInput input, CancellationToken ct);

    Task<Outcome<PromptView>> UpdateAsync(Guid id, PromptUpdateInput input, string? ifMatch, CancellationToken ct);

    /// <summary>Newest first.</summary>
    Task<Outcome<Page<PromptVersionView>>> VersionsAsync(Guid id, int? page, int? pageSize, CancellationToken ct);

    Task<Outcome<PromptVersionView>> GetVersionAsync(Guid id, int version, CancellationToken ct);

    /// <summary>Writes the next version number; versions are never edited.</summary>
    Task<Outcome<PromptVersionView>> CreateVersionAsync(Guid id, PromptVersionInput input, CancellationToken ct);

    Task<Outcome<PromptDiffView>> DiffAsync(Guid id, int? from, int? to, CancellationToken ct);

    Task<Outcome<PromptLabelView>> GetLabelAsync(Guid id, string label, CancellationToken ct);

    /// <summary>Creates the label, promotes it to a newer version or rolls it back to an older one.</summary>
    /// <param name="ifMatch">The label's ETag as read; must be null when the label does not exist yet.</param>
    Task<Outcome<LabelSet>> SetLabelAsync(Guid id, string label, PromptLabelInput input, string? ifMatch, CancellationToken ct);

    /// <summary>Refused while a route serves the prompt by that label.</summary>
    Task<Outcome<bool>> DeleteLabelAsync(Guid id, string label, string? ifMatch, CancellationToken ct);

    /// <param name="label">Only this label's moves; null for all the prompt's labels. Newest first.</param>
    Task<Outcome<Page<PromptLabelMoveView>>> LabelHistoryAsync(Guid id, string? label, int? page, int? pageSize, CancellationToken ct);

    /// <summary>Recorded calls per version of the prompt, newest version first.</summary>
    Task<Outcome<IReadOnlyList<PromptVersionUsageView>>> UsageByVersionAsync(Guid id, CancellationToken ct);
}

/// <summary>A label after <see cref="IPromptOperations.SetLabelAsync"/>; <paramref name="Created"/> when it did not exist before.</summary>
public sealed record LabelSet(PromptLabelView Label, bool Created);

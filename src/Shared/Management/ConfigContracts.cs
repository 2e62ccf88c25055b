namespace Platform.Shared.Management;

/// <summary>
/// The answer of a config preview (what an apply would change) or apply (what it changed). API keys
/// the file creates without a secret get one generated, shown here once.
/// </summary>
public sealed record ConfigChangesView(bool Applied, IReadOnlyList<string> Changes, IReadOnlyList<ConfigGeneratedKeyView> GeneratedKeys);

public sealed record ConfigGeneratedKeyView(string Name, string Key);

/// <summary>What the audit log keeps of a config apply: the change lines, no secrets.</summary>
public sealed record ConfigApplyAudit(IReadOnlyList<string> Changes);

/// <summary>One error of a config file: <c>config.yaml:12:7: message</c>, and its parts.</summary>
public sealed record ConfigErrorView(string Text, int Line, int Column, string Message);

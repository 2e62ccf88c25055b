namespace Platform.Shared.Management;

/// <summary>Whether the tenant has a webhook signing secret; the secret itself is never shown again.</summary>
public sealed record WebhookSigningSecretView(bool Exists, string SignatureHeader);

/// <summary>The new signing secret, shown once: keep it where the webhook receiver can read it.</summary>
public sealed record WebhookSigningSecretCreated(string Secret, string SignatureHeader);

namespace Platform.Shared.Domain;

/// <summary>What to answer when every candidate failed.</summary>
public enum DegradedMode
{
    None = 0,
    FixedText = 1,
    CachedAnswer = 2,
}

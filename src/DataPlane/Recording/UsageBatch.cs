using Platform.Shared.Domain;

namespace Platform.DataPlane.Recording;

/// <summary>
/// The events the writer hands over together, with their journal entries: once the database or
/// the spool has the batch, the entries are marked durable.
/// </summary>
internal sealed class UsageBatch(int capacity)
{
    public List<UsageEvent> Events { get; } = new(capacity);

    public List<JournalEntry> Entries { get; } = new(capacity);

    public int Count => Events.Count;

    public void Add(UsageEvent usage, JournalEntry entry)
    {
        Events.Add(usage);
        Entries.Add(entry);
    }

    public void Clear()
    {
        Events.Clear();
        Entries.Clear();
    }
}

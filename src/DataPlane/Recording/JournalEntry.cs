namespace Platform.DataPlane.Recording;

/// <summary>
/// Where one usage event sits in the <see cref="UsageJournal"/>; <c>default</c> when it was not
/// journaled (journal off, or the journal could not take it).
/// </summary>
internal readonly record struct JournalEntry(JournalSegment? Segment, int Offset)
{
    public bool IsJournaled => Segment is not null;

    /// <summary>True when the database or the spool has the event; only the writer's thread asks.</summary>
    public bool IsDurable => Segment?.IsDurable(Offset) == true;
}

using Platform.Shared.Domain;

namespace Platform.DataPlane.Recording;

/// <summary>What the request path hands to the writer: the event and its place in the journal.</summary>
internal readonly record struct JournaledUsage(UsageEvent Event, JournalEntry Entry);

namespace Platform.Shared.Management;

/// <summary>One page of a list: the items, where it starts, and how many there are in all.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total);

/// <summary><c>?page=&amp;pageSize=</c> of every list; page 1-based, size 1–200 (default 50).</summary>
public readonly record struct Paging(int PageNumber, int PageSize)
{
    public const int MaxPageSize = 200;

    public int Skip => (PageNumber - 1) * PageSize;

    public static Paging From(int? page, int? pageSize) =>
        new(Math.Max(page ?? 1, 1), Math.Clamp(pageSize ?? 50, 1, MaxPageSize));
}

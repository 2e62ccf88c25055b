namespace Platform.Dashboard.Layout;

/// <summary>One entry of the navigation: a page of the dashboard.</summary>
public sealed record DashboardPage(string Title, string Href, string Icon);

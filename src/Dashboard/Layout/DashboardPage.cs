namespace Platform.Dashboard.Layout;

/// <summary>
/// One entry of the navigation: a page of the dashboard. <see cref="Built"/> false means the page
/// is planned and its route shows <see cref="Pages.Planned"/>, which names the API to use meanwhile.
/// </summary>
public sealed record DashboardPage(string Title, string Href, string Icon, string Api, bool Built);

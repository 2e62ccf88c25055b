using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Platform.Dashboard.Account;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Pages.Invite;

/// <summary>
/// <c>/invite/{token}</c>, the page the invitation e-mail links to: anonymous, static server
/// rendering with a form post. It shows the tenant and role from <see cref="IInvitationOperations.PreviewAsync"/>;
/// a new e-mail chooses a password and joins, then signs in; an existing account signs in first and then
/// accepts. The operation decides everything; a used, expired or unknown link shows the operation's words.
/// </summary>
/// <remarks>
/// The operation is injected, not run through <c>IDashboardOperations</c>: that runner acts for a
/// signed-in member of a tenant, and here nobody is one yet. The token is the credential.
/// </remarks>
public sealed partial class InvitePage : ComponentBase
{
    private InvitationPreview? _preview;
    private AcceptedInvitation? _accepted;
    private string? _problem;
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();

    [Parameter]
    public string Token { get; set; } = "";

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [Inject]
    private IInvitationOperations Invitations { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "accept-invitation")]
    private string? Password { get; set; }

    [SupplyParameterFromForm(FormName = "accept-invitation")]
    private string? RepeatPassword { get; set; }

    [SupplyParameterFromForm(FormName = "accept-invitation")]
    private string? DisplayName { get; set; }

    private bool SignedIn => HttpContext.User.Identity?.IsAuthenticated == true && HttpContext.User.FindFirst(ClaimTypes.NameIdentifier) is not null;

    /// <summary>Sign-in comes back here, so the account's owner accepts right after.</summary>
    private string SignInHere => $"{AccountPaths.SignInPage}?ReturnUrl={Uri.EscapeDataString("/invite/" + Uri.EscapeDataString(Token))}";

    protected override async Task OnInitializedAsync()
    {
        var outcome = await Invitations.PreviewAsync(Token, HttpContext.RequestAborted);
        if (outcome.Succeeded)
        {
            _preview = outcome.Value;
        }
        else
        {
            _problem = outcome.Failure.Detail;
        }
    }

    private async Task AcceptAsync()
    {
        if (_preview is null)
        {
            return;
        }

        // Checked here, not by the operation: the API takes the password once, a person types it twice.
        if (!_preview.AccountExists && Password != RepeatPassword)
        {
            _errors = new Dictionary<string, string[]> { [nameof(RepeatPassword)] = ["The two passwords differ."] };
            return;
        }

        var input = new AcceptInvitationInput { Token = Token, Password = Password, DisplayName = DisplayName };
        var outcome = await Invitations.AcceptAsync(input, HttpContext.User, HttpContext.RequestAborted);
        if (outcome.Succeeded)
        {
            _accepted = outcome.Value;
            return;
        }

        // Password rules show at the password field; anything else (a spent link, a wrong account) above the form.
        _errors = outcome.Failure.Errors;
        var unplaced = _errors.Where(e => e.Key != nameof(AcceptInvitationInput.Password)).SelectMany(e => e.Value).ToList();
        _problem = _errors.Count == 0 ? outcome.Failure.Detail : unplaced.Count > 0 ? string.Join(" ", unplaced) : null;
        if (_errors.ContainsKey(nameof(AcceptInvitationInput.Token)))
        {
            // Spent while the page was open: show it like a spent link.
            _preview = null;
        }
    }

    private string[] FieldErrors(string field) => _errors.TryGetValue(field, out var messages) ? messages : [];
}

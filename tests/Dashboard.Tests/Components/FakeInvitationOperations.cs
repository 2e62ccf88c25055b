using System.Security.Claims;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.Dashboard.Tests.Components;

/// <summary>No pending invitations until one is created; records creates and answers them with <see cref="OnCreate"/>.</summary>
internal sealed class FakeInvitationOperations : IInvitationOperations
{
    public const string Link = "http://localhost/invite/test-token";

    public List<InvitationView> Pending { get; } = [];

    public List<InvitationInput> Created { get; } = [];

    /// <summary>What create answers; by default a pending invitation with <see cref="Link"/> (no mail server).</summary>
    public Func<InvitationInput, Outcome<InvitationCreated>> OnCreate { get; set; } =
        input => Outcome.Ok(new InvitationCreated(Invitation(input.Email, input.Role), Emailed: false, Link));

    public static InvitationView Invitation(string email, string role) => new(
        Guid.NewGuid(), email, role, "pending", "user:owner@acme.test",
        new DateTime(2026, 5, 1, 8, 0, 0, DateTimeKind.Utc), new DateTime(2026, 5, 8, 8, 0, 0, DateTimeKind.Utc), null);

    public Task<Outcome<Page<InvitationView>>> ListAsync(InvitationQuery query, CancellationToken ct) =>
        Task.FromResult(Outcome.Ok(new Page<InvitationView>([.. Pending], 1, query.PageSize ?? 50, Pending.Count)));

    public Task<Outcome<InvitationView>> GetAsync(Guid id, CancellationToken ct) =>
        Task.FromResult<Outcome<InvitationView>>(Failure.NotFound("invitation"));

    public Task<Outcome<InvitationCreated>> CreateAsync(InvitationInput input, CancellationToken ct)
    {
        Created.Add(input);
        var outcome = OnCreate(input);
        if (outcome.Succeeded)
        {
            Pending.Add(outcome.Value.Invitation);
        }

        return Task.FromResult(outcome);
    }

    public Task<Outcome<InvitationView>> RevokeAsync(Guid id, CancellationToken ct)
    {
        var invitation = Pending.Single(i => i.Id == id);
        Pending.Remove(invitation);
        return Task.FromResult(Outcome.Ok(invitation));
    }

    public Task<Outcome<InvitationPreview>> PreviewAsync(string token, CancellationToken ct) =>
        Task.FromResult<Outcome<InvitationPreview>>(Failure.NotFound("invitation"));

    public Task<Outcome<AcceptedInvitation>> AcceptAsync(AcceptInvitationInput input, ClaimsPrincipal user, CancellationToken ct) =>
        Task.FromResult<Outcome<AcceptedInvitation>>(Failure.NotFound("invitation"));
}

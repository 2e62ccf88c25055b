using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ControlPlane.Access;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Api;

/// <summary>
/// Maps an operation's <see cref="Outcome{T}"/> to HTTP: the value as 200 or 201 with the row's
/// ETag header, a refusal as problem details (<see cref="Problems.Of"/>). Typed results, so the
/// OpenAPI document describes each endpoint's answer.
/// </summary>
internal static class OutcomeResults
{
    public static Results<Ok<T>, ProblemHttpResult> Ok<T>(Outcome<T> outcome, HttpResponse? response = null)
    {
        if (!outcome.Succeeded)
        {
            return Problems.Of(outcome.Failure);
        }

        SetETag(outcome, response);
        return TypedResults.Ok(outcome.Value);
    }

    public static Results<Created<T>, ProblemHttpResult> Created<T>(Outcome<T> outcome, HttpResponse response, Func<T, string> location)
    {
        if (!outcome.Succeeded)
        {
            return Problems.Of(outcome.Failure);
        }

        SetETag(outcome, response);
        return TypedResults.Created(location(outcome.Value), outcome.Value);
    }

    private static void SetETag<T>(Outcome<T> outcome, HttpResponse? response)
    {
        if (outcome.ETag is { } etag && response is not null)
        {
            response.Headers.ETag = etag;
        }
    }
}

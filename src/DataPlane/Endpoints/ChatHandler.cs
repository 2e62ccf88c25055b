using Platform.DataPlane.Admission;
using Platform.DataPlane.Budgets;
using Platform.DataPlane.Caching;
using Platform.DataPlane.Chat;
using Platform.DataPlane.Configuration;
using Platform.DataPlane.Forwarding;
using Platform.DataPlane.Limits;
using Platform.DataPlane.Prompts;
using Platform.DataPlane.Protocols;
using Platform.DataPlane.Protocols.Anthropic;
using Platform.DataPlane.Protocols.Json;
using Platform.DataPlane.Protocols.OpenAi;
using Platform.DataPlane.Providers;
using Platform.DataPlane.Recording;
using Platform.DataPlane.Routing;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Endpoints;

/// <summary>
/// <c>POST /v1/chat/completions</c> (OpenAI) and <c>POST /v1/messages</c> (Anthropic): admit,
/// parse, select the route, execute with fallbacks, answer in the caller's format, record.
/// </summary>
internal sealed class ChatHandler(
    CallAdmission admission,
    CandidateSelector selector,
    FallbackExecutor executor,
    ProviderAdapters adapters,
    StreamRelay relay,
    UsageRecorder recorder,
    BudgetGate budgets,
    RateLimitAdmission rateLimits,
    ResponseCache cache)
{
    public async Task HandleAsync(HttpContext context, Dialect dialect)
    {
        var endpoint = dialect == Dialect.Anthropic ? "messages" : "chat";
        if (await admission.AuthenticateAsync(context, endpoint, dialect) is not { } call)
        {
            return;
        }

        ChatRequest request;
        using (var body = await admission.ReadBodyAsync(context, call))
        {
            if (body is null)
            {
                recorder.Record(call, CallResult.Refused(context.Response.StatusCode));
                return;
            }

            try
            {
                request = dialect == Dialect.Anthropic
                    ? AnthropicMessagesRequestReader.Read(body.Span)
                    : OpenAiChatRequestReader.Read(body.Span);
            }
            catch (ClientRequestException error)
            {
                await ErrorResponses.WriteAsync(context, dialect, error);
                recorder.Record(call, CallResult.Refused(StatusCodes.Status400BadRequest));
                return;
            }
        }

        CallAdmission.TakeMetadata(call, request.Metadata);
        if (!CallConstraints.TryFromHeaders(context.Request.Headers, out var constraints, out var constraintError))
        {
            await ErrorResponses.WriteAsync(context, dialect, StatusCodes.Status400BadRequest, constraintError!, "invalid_header");
            recorder.Record(call, CallResult.Refused(StatusCodes.Status400BadRequest));
            return;
        }

        var reference = ModelReference.Resolve(request.Model, call.Tenant!);
        try
        {
            request = ApplyPrompt(context, call, request, reference.Route);
        }
        catch (ClientRequestException error)
        {
            await ErrorResponses.WriteAsync(context, dialect, error);
            recorder.Record(call, CallResult.Refused(StatusCodes.Status400BadRequest));
            return;
        }

        // After the prompt: a variable is caller text too, and must not reach the provider unredacted.
        if (RedactionRule.Applies(reference.Route, constraints))
        {
            request = PiiRedactor.Redact(request, out var found);
            call.Redacted = found > 0;
        }

        call.EstimatedInputTokens = TokenEstimator.Estimate(request);
        if (!await rateLimits.AdmitAsync(context, call))
        {
            recorder.Record(call, CallResult.Refused(StatusCodes.Status429TooManyRequests));
            return;
        }

        var needs = RequestRequirements.ForChat(request, call.EstimatedInputTokens, constraints);
        var decision = selector.Select(call.Tenant!, call.Key!, reference, needs);
        call.Decision = decision;
        if (decision.Error is { } selectionError)
        {
            await ErrorResponses.WriteAsync(context, dialect, selectionError.StatusCode, selectionError.Message, selectionError.Code, "model");
            recorder.Record(call, CallResult.Refused(selectionError.StatusCode));
            return;
        }

        if (await budgets.AdmitAsync(context, call, reference, needs) is not { } admitted)
        {
            return;
        }

        decision = admitted;

        if (cache.Lookup(call, reference.Route, constraints, context.Request.Headers, request) is { } cached)
        {
            await AnswerFromCacheAsync(context, call, request, cached, [], 0, degraded: false);
            return;
        }

        if (request.Stream)
        {
            call.Streamed = true;
            await StreamAsync(context, call, request, decision);
        }
        else
        {
            await CompleteAsync(context, call, request, decision);
        }
    }

    private async Task CompleteAsync(HttpContext context, CallContext call, ChatRequest request, RouteDecision decision)
    {
        var outcome = await executor.ExecuteAsync<ChatResponse>(
            decision,
            (model, ct) => adapters.For(model.Provider.Kind).CompleteAsync(UpstreamTarget.For(model), ForUpstream(request, model), ct),
            context.RequestAborted);

        var response = outcome.Value;
        if (response is null && cache.DegradedAnswer(call) is { } cached)
        {
            await AnswerFromCacheAsync(context, call, request, cached, outcome.Attempts, outcome.FallbackCount, degraded: true);
            return;
        }

        var degraded = false;
        if (response is null && Degraded.Answer(decision.Fallback) is { } fallbackText)
        {
            response = new ChatResponse { Id = "degraded-" + call.RequestId, Model = "degraded", Text = fallbackText };
            degraded = true;
        }

        if (response is null)
        {
            var error = outcome.Error!;
            await ErrorResponses.WriteAsync(context, call.Dialect, error);
            recorder.Record(call, new CallResult(ErrorResponses.StatusFor(error.ErrorClass), null, outcome.Attempts, outcome.FallbackCount, default, error.ErrorClass));
            return;
        }

        var usage = degraded ? default : Measured(response.Usage, call, response.Text.Length);
        if (!degraded)
        {
            cache.Store(call, response, outcome.Model);
        }

        ResponseHeaders.Write(context.Response, call, outcome.Model, outcome.Attempts.Count, outcome.FallbackCount, degraded);
        // Recorded (journaled) before the answer is sent: a kill in between leaves an event whose
        // answer was lost, never an answered call without its event.
        recorder.Record(call, new CallResult(StatusCodes.Status200OK, degraded ? null : outcome.Model, outcome.Attempts, outcome.FallbackCount, usage, null, Degraded: degraded));
        await WriteJsonAsync(context, call, response);
    }

    private async Task StreamAsync(HttpContext context, CallContext call, ChatRequest request, RouteDecision decision)
    {
        var aborted = context.RequestAborted;
        var outcome = await executor.ExecuteAsync<OpenedStream>(
            decision,
            (model, ct) => StreamOpener.OpenAsync(adapters.For(model.Provider.Kind), UpstreamTarget.For(model), ForUpstream(request, model), model, decision.Fallback, aborted, ct),
            aborted);

        if (outcome.Value is { } stream)
        {
            await using (stream)
            {
                await relay.RelayAsync(context, call, request, decision, stream, outcome);
            }

            return;
        }

        if (cache.DegradedAnswer(call) is { } cached)
        {
            await AnswerFromCacheAsync(context, call, request, cached, outcome.Attempts, outcome.FallbackCount, degraded: true);
            return;
        }

        if (Degraded.Answer(decision.Fallback) is { } fallbackText)
        {
            await relay.RelayDegradedAsync(context, call, request, fallbackText, outcome);
            return;
        }

        var error = outcome.Error!;
        await ErrorResponses.WriteAsync(context, call.Dialect, error);
        recorder.Record(call, new CallResult(ErrorResponses.StatusFor(error.ErrorClass), null, outcome.Attempts, outcome.FallbackCount, default, error.ErrorClass));
    }

    /// <summary>A stored answer, as JSON or replayed as a stream: no provider was paid, so it is recorded with no tokens.</summary>
    private async Task AnswerFromCacheAsync(HttpContext context, CallContext call, ChatRequest request, CachedAnswer answer,
        IReadOnlyList<AttemptRecord> attempts, int fallbacks, bool degraded)
    {
        if (request.Stream)
        {
            call.Streamed = true;
            await relay.ReplayAsync(context, call, request, answer, attempts, fallbacks, degraded);
            return;
        }

        ResponseHeaders.Write(context.Response, call, answer.Model, attempts.Count, fallbacks, degraded);
        recorder.Record(call, new CallResult(StatusCodes.Status200OK, answer.Model, attempts, fallbacks, default, null, Degraded: degraded));
        await WriteJsonAsync(context, call, answer.Response);
    }

    private static async Task WriteJsonAsync(HttpContext context, CallContext call, ChatResponse response)
    {
        context.Response.ContentType = "application/json";
        using var buffer = new PooledBufferWriter();
        if (call.Dialect == Dialect.Anthropic)
        {
            AnthropicMessagesResponseWriter.Write(buffer, response);
        }
        else
        {
            OpenAiChatResponseWriter.Write(buffer, response, new DateTimeOffset(call.StartedAt).ToUnixTimeSeconds());
        }

        await JsonBody.WriteAsync(context.Response, buffer, context.RequestAborted);
    }

    private static ChatRequest ApplyPrompt(HttpContext context, CallContext call, ChatRequest request, RoutePolicy? route)
    {
        if (PromptHeaders.Read(context.Request.Headers, route) is not { } selection)
        {
            return request;
        }

        var rendered = PromptRenderer.Apply(request, call.Tenant!, selection);
        call.PromptName = rendered.Name;
        call.PromptLabel = rendered.Label;
        call.PromptVersion = rendered.Version;
        return rendered.Request;
    }

    /// <summary>The provider's usage, or our estimate (marked) when it reported none.</summary>
    public static Chat.Usage Measured(Chat.Usage reported, CallContext call, int outputChars) =>
        reported.InputTokens > 0 || reported.OutputTokens > 0
            ? reported
            : new Chat.Usage(call.EstimatedInputTokens, TokenEstimator.EstimateChars(outputChars), 0, Estimated: true);

    /// <summary>
    /// The request as <paramref name="model"/> receives it: its output limit no higher than the model's. The
    /// adapters write the model's own id from the <see cref="UpstreamTarget"/>, so the caller's <c>model</c> (a
    /// route, a tier) stays, and a request within the limit is passed on as it is, not copied per attempt.
    /// </summary>
    internal static ChatRequest ForUpstream(ChatRequest request, ModelPolicy model) =>
        request.MaxTokens is { } max && model.MaxOutputTokens > 0 && max > model.MaxOutputTokens
            ? request with { MaxTokens = model.MaxOutputTokens }
            : request;
}

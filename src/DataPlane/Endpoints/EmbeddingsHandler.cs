using Platform.DataPlane.Budgets;
using Platform.DataPlane.Configuration;
using Platform.DataPlane.Embeddings;
using Platform.DataPlane.Limits;
using Platform.DataPlane.Protocols;
using Platform.DataPlane.Protocols.Json;
using Platform.DataPlane.Protocols.OpenAi;
using Platform.DataPlane.Providers;
using Platform.DataPlane.Recording;
using Platform.DataPlane.Routing;

namespace Platform.DataPlane.Endpoints;

/// <summary><c>POST /v1/embeddings</c>, routed, held to budgets and recorded like a chat call.</summary>
internal sealed class EmbeddingsHandler(
    CallAdmission admission,
    CandidateSelector selector,
    Forwarding.FallbackExecutor executor,
    ProviderAdapters adapters,
    UsageRecorder recorder,
    RateLimitAdmission rateLimits,
    BudgetGate budgets)
{
    public async Task HandleAsync(HttpContext context)
    {
        if (await admission.AuthenticateAsync(context, "embeddings", Dialect.OpenAi) is not { } call)
        {
            return;
        }

        EmbeddingRequest request;
        using (var body = await admission.ReadBodyAsync(context, call))
        {
            if (body is null)
            {
                recorder.Record(call, CallResult.Refused(context.Response.StatusCode));
                return;
            }

            try
            {
                request = OpenAiEmbeddingsRequestReader.Read(body.Span);
            }
            catch (ClientRequestException error)
            {
                await ErrorResponses.WriteAsync(context, Dialect.OpenAi, error);
                recorder.Record(call, CallResult.Refused(StatusCodes.Status400BadRequest));
                return;
            }
        }

        CallAdmission.TakeMetadata(call, request.Metadata);
        if (!CallConstraints.TryFromHeaders(context.Request.Headers, out var constraints, out var constraintError))
        {
            await ErrorResponses.WriteAsync(context, Dialect.OpenAi, StatusCodes.Status400BadRequest, constraintError!, "invalid_header");
            recorder.Record(call, CallResult.Refused(StatusCodes.Status400BadRequest));
            return;
        }

        var tokens = 0;
        foreach (var input in request.Inputs)
        {
            tokens += TokenEstimator.Estimate(input);
        }

        call.EstimatedInputTokens = tokens;
        if (!await rateLimits.AdmitAsync(context, call))
        {
            recorder.Record(call, CallResult.Refused(StatusCodes.Status429TooManyRequests));
            return;
        }

        var reference = ModelReference.Resolve(request.Model, call.Tenant!);
        var needs = RequestRequirements.ForEmbeddings(tokens, constraints);
        var decision = selector.Select(call.Tenant!, call.Key!, reference, needs);
        call.Decision = decision;
        if (decision.Error is { } selectionError)
        {
            await ErrorResponses.WriteAsync(context, Dialect.OpenAi, selectionError.StatusCode, selectionError.Message, selectionError.Code, "model");
            recorder.Record(call, CallResult.Refused(selectionError.StatusCode));
            return;
        }

        if (await budgets.AdmitAsync(context, call, reference, needs) is not { } admitted)
        {
            return;
        }

        decision = admitted;

        var outcome = await executor.ExecuteAsync<EmbeddingResponse>(
            decision,
            (model, ct) => adapters.For(model.Provider.Kind).EmbedAsync(UpstreamTarget.For(model), request with { Model = model.UpstreamId }, ct),
            context.RequestAborted);
        if (outcome.Value is not { } response)
        {
            await ErrorResponses.WriteAsync(context, Dialect.OpenAi, outcome.Error!);
            recorder.Record(call, new CallResult(ErrorResponses.StatusFor(outcome.Error!.ErrorClass), null, outcome.Attempts, outcome.FallbackCount, default, outcome.Error.ErrorClass));
            return;
        }

        ResponseHeaders.Write(context.Response, call, outcome.Model, outcome.Attempts.Count, outcome.FallbackCount, degraded: false);
        context.Response.ContentType = "application/json";
        using (var buffer = new PooledBufferWriter())
        {
            OpenAiEmbeddingsResponseWriter.Write(buffer, response, string.Equals(request.EncodingFormat, "base64", StringComparison.Ordinal));
            await JsonBody.WriteAsync(context.Response, buffer, context.RequestAborted);
        }

        var usage = response.Usage.InputTokens > 0 ? response.Usage : new Chat.Usage(tokens, 0, 0, Estimated: true);
        recorder.Record(call, new CallResult(StatusCodes.Status200OK, outcome.Model, outcome.Attempts, outcome.FallbackCount, usage, null));
    }

}

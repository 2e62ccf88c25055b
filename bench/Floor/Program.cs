// The floor of the load benchmark: the data plane's web stack forwarding a chat call to the upstream with none of
// the product's work (no key, routing, parsing, resilience or recording). What it costs per call is what any data
// plane built on Kestrel pays before doing anything; see bench/README.md.
//
//   FLOOR_UPSTREAM=http://127.0.0.1:PORT  the upstream (the simulator)
//   FLOOR_CLIENT=httpclient               forward through the handler the data plane's UpstreamHttpClient uses
//   FLOOR_CLIENT=sockets                  forward with SocketsHttp1Client: plain HTTP/1.1 on pooled sockets
//
// Both set inline I/O as the data plane does by default (DataPlane:InlineIo).
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Platform.Bench.Floor;
using Platform.DataPlane.Providers.Http;

Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");
var upstream = new Uri(Environment.GetEnvironmentVariable("FLOOR_UPSTREAM")
    ?? throw new InvalidOperationException("FLOOR_UPSTREAM is not set"));
var useSockets = Environment.GetEnvironmentVariable("FLOOR_CLIENT") == "sockets";

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.Configure<SocketTransportOptions>(o => o.UnsafePreferInlineScheduling = true);
var app = builder.Build();

var target = new Uri(upstream, "/v1/chat/completions");
using var httpClient = new HttpMessageInvoker(UpstreamHttpClient.CreateHandler());
var socketsClient = new SocketsHttp1Client(upstream);

app.MapGet("/readyz", () => "ok");
app.MapPost("/v1/chat/completions", async context =>
{
    using var buffer = new MemoryStream();
    await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
    var body = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    context.Response.ContentType = "application/json";
    if (useSockets)
    {
        var (status, answer) = await socketsClient.PostJsonAsync(target.AbsolutePath, body, context.RequestAborted);
        context.Response.StatusCode = status;
        context.Response.ContentLength = answer.Length;
        await context.Response.Body.WriteAsync(answer, context.RequestAborted);
        return;
    }

    using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ReadOnlyMemoryContent(body) };
    request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
    using var response = await httpClient.SendAsync(request, context.RequestAborted);
    var bytes = await response.Content.ReadAsByteArrayAsync(context.RequestAborted);
    context.Response.StatusCode = (int)response.StatusCode;
    context.Response.ContentLength = bytes.Length;
    await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
});
app.Run();

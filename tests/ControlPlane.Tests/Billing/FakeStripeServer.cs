using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.ControlPlane.Tests.Billing;

/// <summary>
/// A stand-in for Stripe's API on a loopback Kestrel port, for Stripe.net to talk to: customers,
/// invoice items, invoices (create, get, finalize), answered with Stripe's JSON shapes
/// (<c>cus_</c>/<c>ii_</c>/<c>in_</c> ids, <c>livemode: false</c>, amounts in cents, statuses).
/// It records every request's form fields and <c>Idempotency-Key</c>, and does what Stripe does with
/// a key seen before: the same request gets the stored answer again (with
/// <c>Idempotent-Replayed: true</c>) and creates nothing; other parameters under the same key are
/// refused with 400 <c>idempotency_error</c>. A test can make the next matching call fail.
/// </summary>
public sealed class FakeStripeServer : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<FakeStripeRequest> _requests = [];
    private readonly Dictionary<string, Stored> _idempotent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _customers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _invoices = new(StringComparer.Ordinal);
    private readonly List<Injected> _failures = [];
    private WebApplication _app = null!;
    private int _sequence;

    private FakeStripeServer()
    {
    }

    /// <summary>e.g. <c>http://127.0.0.1:51234</c>, for <c>Billing:Stripe:ApiBase</c>.</summary>
    public string ApiBase { get; private set; } = "";

    public IReadOnlyList<FakeStripeRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<FakeStripeServer> StartAsync()
    {
        var server = new FakeStripeServer();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        app.MapPost("/v1/customers", server.HandleAsync);
        app.MapPost("/v1/invoiceitems", server.HandleAsync);
        app.MapPost("/v1/invoices", server.HandleAsync);
        app.MapPost("/v1/invoices/{id}/finalize", server.HandleAsync);
        app.MapGet("/v1/invoices/{id}", server.HandleAsync);
        await app.StartAsync();
        server._app = app;
        server.ApiBase = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return server;
    }

    /// <summary>
    /// The next request to <paramref name="path"/> (<c>*</c> for one segment) whose idempotency key starts with
    /// <paramref name="keyPrefix"/> (a tenant's, so other tenants' runs are not hit) fails as told.
    /// </summary>
    public void FailNext(string path, string keyPrefix, FakeStripeFailure failure)
    {
        lock (_gate)
        {
            _failures.Add(new Injected(path, keyPrefix, failure));
        }
    }

    /// <summary>The invoice items Stripe holds for a customer, whatever was asked how often.</summary>
    public IReadOnlyList<JsonObject> InvoiceItems(string customerId) => Objects(_items, customerId);

    public IReadOnlyList<JsonObject> Invoices(string customerId) => Objects(_invoices, customerId);

    /// <summary>The invoice as Stripe would put it in an event's <c>data.object</c>.</summary>
    public JsonObject Invoice(string invoiceId)
    {
        lock (_gate)
        {
            return (JsonObject)_invoices[invoiceId].DeepClone();
        }
    }

    /// <summary>The customer pays: the invoice becomes <c>paid</c>, as after a successful charge.</summary>
    public JsonObject Pay(string invoiceId)
    {
        lock (_gate)
        {
            var invoice = _invoices[invoiceId];
            invoice["status"] = "paid";
            invoice["amount_paid"] = invoice["amount_due"]!.GetValue<long>();
            invoice["amount_remaining"] = 0;
            return (JsonObject)invoice.DeepClone();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext http)
    {
        var form = http.Request.HasFormContentType
            ? (await http.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        var key = http.Request.Headers["Idempotency-Key"].ToString() is { Length: > 0 } k ? k : null;
        var path = http.Request.Path.Value!;
        var method = http.Request.Method;
        var (status, body, replayed) = Answer(http.Request.Headers.Authorization.ToString(), method, path, key, form);
        lock (_gate)
        {
            _requests.Add(new FakeStripeRequest(method, path, key, form, replayed));
        }

        http.Response.StatusCode = status;
        http.Response.Headers["Request-Id"] = "req_" + Guid.NewGuid().ToString("N")[..14];
        if (replayed)
        {
            http.Response.Headers["Idempotent-Replayed"] = "true";
        }

        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(body.ToJsonString());
    }

    private (int Status, JsonObject Body, bool Replayed) Answer(
        string authorization, string method, string path, string? key, IReadOnlyDictionary<string, string> form)
    {
        if (!authorization.StartsWith("Bearer sk_test_", StringComparison.Ordinal))
        {
            return (401, Error("invalid_request_error", null, "Invalid API Key provided."), false);
        }

        var fingerprint = method + " " + path + "?" + string.Join('&', form.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "=" + f.Value));
        lock (_gate)
        {
            if (key is not null && _idempotent.TryGetValue(key, out var stored))
            {
                return stored.Fingerprint == fingerprint
                    ? (stored.Status, (JsonObject)stored.Body.DeepClone(), true)
                    : (400, Error("idempotency_error", null,
                        $"Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{key}' if you meant to execute a different request."), false);
            }

            var failure = _failures.FirstOrDefault(f => Matches(f.Path, path) && key is not null && key.StartsWith(f.KeyPrefix, StringComparison.Ordinal));
            if (failure is not null)
            {
                _failures.Remove(failure);
            }

            // An injected error is answered before the request runs, so (as Stripe does for requests that never ran) nothing is kept under its key.
            switch (failure?.Failure)
            {
                case FakeStripeFailure.ServerError:
                    return (500, Error("api_error", null, "An unknown error occurred on Stripe's end."), false);
                case FakeStripeFailure.CardError:
                    return (402, Error("card_error", "card_declined", "Your card was declined."), false);
            }

            var (status, body) = Apply(form, path, method);
            if (key is not null && method == "POST")
            {
                _idempotent[key] = new Stored(fingerprint, status, (JsonObject)body.DeepClone());
            }

            // Stripe made the object and kept the answer, but the caller never got it (a crash, a dropped connection).
            return failure?.Failure == FakeStripeFailure.LostResponse
                ? (500, Error("api_error", null, "The connection was closed before the response was read."), false)
                : (status, body, false);
        }

        (int, JsonObject) Apply(IReadOnlyDictionary<string, string> fields, string requestPath, string requestMethod) =>
            (requestMethod, requestPath) switch
            {
                ("POST", "/v1/customers") => CreateCustomer(fields),
                ("POST", "/v1/invoiceitems") => CreateInvoiceItem(fields),
                ("POST", "/v1/invoices") => CreateInvoice(fields),
                ("POST", _) when requestPath.EndsWith("/finalize", StringComparison.Ordinal) => Finalize(requestPath.Split('/')[3]),
                _ => GetInvoice(requestPath.Split('/')[3]),
            };
    }

    private (int, JsonObject) CreateCustomer(IReadOnlyDictionary<string, string> form)
    {
        var id = NewId("cus_");
        var customer = new JsonObject
        {
            ["id"] = id,
            ["object"] = "customer",
            ["created"] = Now(),
            ["currency"] = null,
            ["email"] = form.GetValueOrDefault("email"),
            ["livemode"] = false,
            ["metadata"] = Metadata(form),
            ["name"] = form.GetValueOrDefault("name"),
        };
        _customers[id] = customer;
        return (200, (JsonObject)customer.DeepClone());
    }

    private (int, JsonObject) CreateInvoiceItem(IReadOnlyDictionary<string, string> form)
    {
        if (!_customers.ContainsKey(form.GetValueOrDefault("customer") ?? ""))
        {
            return (400, Error("invalid_request_error", "resource_missing", $"No such customer: '{form.GetValueOrDefault("customer")}'"));
        }

        var id = NewId("ii_");
        var amount = long.Parse(form["amount"], CultureInfo.InvariantCulture);
        var item = new JsonObject
        {
            ["id"] = id,
            ["object"] = "invoiceitem",
            ["amount"] = amount,
            ["currency"] = form["currency"],
            ["customer"] = form["customer"],
            ["date"] = Now(),
            ["description"] = form.GetValueOrDefault("description"),
            ["discountable"] = true,
            ["invoice"] = null,
            ["livemode"] = false,
            ["metadata"] = Metadata(form),
            ["period"] = new JsonObject
            {
                ["start"] = long.Parse(form.GetValueOrDefault("period[start]") ?? Now().ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
                ["end"] = long.Parse(form.GetValueOrDefault("period[end]") ?? Now().ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            },
            ["proration"] = false,
            ["quantity"] = 1,
        };
        _items[id] = item;
        return (200, (JsonObject)item.DeepClone());
    }

    private (int, JsonObject) CreateInvoice(IReadOnlyDictionary<string, string> form)
    {
        var customer = form.GetValueOrDefault("customer") ?? "";
        if (!_customers.ContainsKey(customer))
        {
            return (400, Error("invalid_request_error", "resource_missing", $"No such customer: '{customer}'"));
        }

        var id = NewId("in_");
        var lines = new JsonArray();
        long total = 0;
        if (form.GetValueOrDefault("pending_invoice_items_behavior") == "include")
        {
            foreach (var item in _items.Values.Where(i => i["customer"]!.GetValue<string>() == customer && i["invoice"] is null))
            {
                item["invoice"] = id;
                total += item["amount"]!.GetValue<long>();
                lines.Add(new JsonObject
                {
                    ["id"] = "il_" + item["id"]!.GetValue<string>()[3..],
                    ["object"] = "line_item",
                    ["amount"] = item["amount"]!.GetValue<long>(),
                    ["currency"] = item["currency"]!.GetValue<string>(),
                    ["description"] = item["description"]?.GetValue<string>(),
                    ["livemode"] = false,
                });
            }
        }

        var now = Now();
        var invoice = new JsonObject
        {
            ["id"] = id,
            ["object"] = "invoice",
            ["amount_due"] = total,
            ["amount_paid"] = 0,
            ["amount_remaining"] = total,
            ["auto_advance"] = form.GetValueOrDefault("auto_advance") == "true",
            ["collection_method"] = "charge_automatically",
            ["created"] = now,
            ["currency"] = "usd",
            ["customer"] = customer,
            ["hosted_invoice_url"] = null,
            ["lines"] = new JsonObject { ["object"] = "list", ["data"] = lines, ["has_more"] = false, ["url"] = $"/v1/invoices/{id}/lines" },
            ["livemode"] = false,
            ["metadata"] = Metadata(form),
            ["number"] = null,
            ["period_end"] = now,
            ["period_start"] = now,
            ["status"] = "draft",
            ["subtotal"] = total,
            ["total"] = total,
        };
        _invoices[id] = invoice;
        return (200, (JsonObject)invoice.DeepClone());
    }

    private (int, JsonObject) Finalize(string id)
    {
        if (!_invoices.TryGetValue(id, out var invoice))
        {
            return (404, Error("invalid_request_error", "resource_missing", $"No such invoice: '{id}'"));
        }

        if (invoice["status"]!.GetValue<string>() != "draft")
        {
            return (400, Error("invalid_request_error", "invoice_not_editable", "This invoice is already finalized, you can't re-finalize a non-draft invoice."));
        }

        invoice["status"] = invoice["amount_due"]!.GetValue<long>() == 0 ? "paid" : "open";
        invoice["number"] = "FAKE-" + _invoices.Keys.ToList().IndexOf(id).ToString("D4", CultureInfo.InvariantCulture);
        invoice["hosted_invoice_url"] = $"https://invoice.stripe.com/i/acct_fake/test_{id[3..]}";
        return (200, (JsonObject)invoice.DeepClone());
    }

    private (int, JsonObject) GetInvoice(string id) =>
        _invoices.TryGetValue(id, out var invoice)
            ? (200, (JsonObject)invoice.DeepClone())
            : (404, Error("invalid_request_error", "resource_missing", $"No such invoice: '{id}'"));

    private List<JsonObject> Objects(Dictionary<string, JsonObject> objects, string customerId)
    {
        lock (_gate)
        {
            return [.. objects.Values.Where(o => o["customer"]!.GetValue<string>() == customerId).Select(o => (JsonObject)o.DeepClone())];
        }
    }

    /// <summary><c>*</c> stands for one path segment: <c>/v1/invoices/*/finalize</c>.</summary>
    private static bool Matches(string pattern, string path)
    {
        var want = pattern.Split('/');
        var got = path.Split('/');
        return want.Length == got.Length && want.Zip(got).All(p => p.First == "*" || p.First == p.Second);
    }

    private string NewId(string prefix) => prefix + "Fk" + Interlocked.Increment(ref _sequence).ToString("D6", CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..10];

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary><c>metadata[key]=value</c> form fields, as Stripe.net encodes a dictionary.</summary>
    private static JsonObject Metadata(IReadOnlyDictionary<string, string> form)
    {
        var metadata = new JsonObject();
        foreach (var (name, value) in form.Where(f => f.Key.StartsWith("metadata[", StringComparison.Ordinal)))
        {
            metadata[name["metadata[".Length..^1]] = value;
        }

        return metadata;
    }

    private static JsonObject Error(string type, string? code, string message) => new()
    {
        ["error"] = new JsonObject { ["type"] = type, ["code"] = code, ["message"] = message },
    };

    private sealed record Stored(string Fingerprint, int Status, JsonObject Body);

    private sealed record Injected(string Path, string KeyPrefix, FakeStripeFailure Failure);
}

/// <summary>How <see cref="FakeStripeServer.FailNext"/> fails a call.</summary>
public enum FakeStripeFailure
{
    /// <summary>500 <c>api_error</c>; nothing is created.</summary>
    ServerError,

    /// <summary>402 <c>card_error</c> / <c>card_declined</c>; nothing is created.</summary>
    CardError,

    /// <summary>The object is created and its answer kept under the key, but the caller gets a 500: a crash after Stripe acted.</summary>
    LostResponse,
}

/// <summary>One request the fake received: its form fields and idempotency key, and whether it was answered from the key's stored answer.</summary>
public sealed record FakeStripeRequest(string Method, string Path, string? IdempotencyKey, IReadOnlyDictionary<string, string> Form, bool Replayed);

using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mfa.Sms.Twilio.Tests.Infrastructure;

/// <summary>
/// A real HTTP server on 127.0.0.1 that answers POST /2010-04-01/Accounts/{sid}/Messages.json like Twilio: Basic
/// authentication checked (wrong credentials: 401 with code 20003), Twilio's magic test numbers answered with their
/// documented errors in Twilio's error body shape, 201 with a message resource otherwise. Tests can script the next
/// answers (429 with Retry-After, 500, a hang).
/// </summary>
internal sealed class TwilioStub : IAsyncDisposable
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string AuthToken = "f0e1d2c3b4a5968778695a4b3c2d1e0f";
    public const string ApiKeySid = "SK0123456789abcdef0123456789abcdef";
    public const string ApiKeySecret = "stub-api-key-secret-value";
    public const string MessageSid = "SM11111111111111111111111111111111";

    /// <summary>Twilio's test numbers and the errors Twilio documents for them.</summary>
    private static readonly Dictionary<string, (int Code, string Message)> MagicNumbers = new()
    {
        ["+15005550001"] = (21211, "The 'To' number is not a valid phone number."),
        ["+15005550002"] = (21612, "The 'To' phone number is not currently reachable via SMS."),
        ["+15005550003"] = (21408, "Permission to send an SMS has not been enabled for the region indicated by the 'To' number."),
        ["+15005550004"] = (21610, "Attempt to send to unsubscribed recipient."),
        ["+15005550009"] = (21614, "'To' number is not a valid mobile number."),
    };

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script = new();
    private readonly Channel<StubRequest> _received = Channel.CreateUnbounded<StubRequest>();
    private readonly ConcurrentQueue<StubRequest> _requests = new();

    private TwilioStub(WebApplication app) => _app = app;

    /// <summary>The server's address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyList<StubRequest> Requests => [.. _requests];

    /// <summary>Completes when a scripted hang sees the client abort its request.</summary>
    public TaskCompletionSource RequestAborted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<TwilioStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new TwilioStub(app);
        app.MapPost("/2010-04-01/Accounts/{accountSid}/Messages.json", (Func<HttpContext, string, Task>)stub.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        stub.BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        return stub;
    }

    /// <summary>Answers the next request with a Twilio error body.</summary>
    public void ThenError(int httpStatus, int code, string message, string? retryAfter = null) => _script.Enqueue(async context =>
    {
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        await WriteErrorAsync(context, httpStatus, code, message);
    });

    /// <summary>Answers the next request with a raw body (e.g. a load balancer's HTML error page).</summary>
    public void ThenRaw(int httpStatus, string contentType, string body) => _script.Enqueue(async context =>
    {
        context.Response.StatusCode = httpStatus;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(body);
    });

    /// <summary>Never answers the next request; completes <see cref="RequestAborted"/> when the client gives up.</summary>
    public void ThenHang() => _script.Enqueue(async context =>
    {
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            RequestAborted.TrySetResult();
        }
    });

    /// <summary>Waits (bounded) for the next request to arrive.</summary>
    public async Task<StubRequest> WaitForRequestAsync()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _received.Reader.ReadAsync(bound.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context, string accountSid)
    {
        var form = await context.Request.ReadFormAsync();
        var request = new StubRequest(
            accountSid,
            form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal),
            context.Request.Headers.Authorization.ToString(),
            context.Request.Headers.UserAgent.ToString());
        _requests.Enqueue(request);
        _received.Writer.TryWrite(request);

        if (_script.TryDequeue(out var scripted))
        {
            await scripted(context);
            return;
        }

        if (!IsAuthorized(request))
        {
            await WriteErrorAsync(context, 401, 20003, "Authenticate");
            return;
        }

        if (MagicNumbers.TryGetValue(request.Form.GetValueOrDefault("To", ""), out var error))
        {
            await WriteErrorAsync(context, 400, error.Code, error.Message);
            return;
        }

        context.Response.StatusCode = 201;
        await context.Response.WriteAsJsonAsync(new Dictionary<string, object?>
        {
            ["account_sid"] = accountSid,
            ["api_version"] = "2010-04-01",
            ["sid"] = MessageSid,
            ["status"] = "queued",
            ["to"] = request.Form.GetValueOrDefault("To"),
            ["from"] = request.Form.GetValueOrDefault("From"),
            ["messaging_service_sid"] = request.Form.GetValueOrDefault("MessagingServiceSid"),
            ["direction"] = "outbound-api",
            ["num_segments"] = "1",
            ["date_created"] = "Thu, 01 Jan 2026 00:00:00 +0000",
            ["uri"] = $"/2010-04-01/Accounts/{accountSid}/Messages/{MessageSid}.json",
        });
    }

    private static bool IsAuthorized(StubRequest request)
    {
        static string Basic(string user, string password) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
        return request.AccountSid == AccountSid
            && (request.Authorization == Basic(AccountSid, AuthToken) || request.Authorization == Basic(ApiKeySid, ApiKeySecret));
    }

    private static Task WriteErrorAsync(HttpContext context, int httpStatus, int code, string message)
    {
        context.Response.StatusCode = httpStatus;
        return context.Response.WriteAsJsonAsync(new Dictionary<string, object>
        {
            ["code"] = code,
            ["message"] = message,
            ["more_info"] = $"https://www.twilio.com/docs/errors/{code}",
            ["status"] = httpStatus,
        });
    }
}

/// <summary>What the stub saw of one request.</summary>
internal sealed record StubRequest(string AccountSid, IReadOnlyDictionary<string, string> Form, string Authorization, string UserAgent);

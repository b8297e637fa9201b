using System.Net.Http.Headers;
using Mfa.Phones;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Mfa.Sms.Twilio;

/// <summary>
/// Sends SMS with Twilio's Messages API. Retries only when Twilio certainly did not send (HTTP 429, no connection);
/// a timeout or a server error is reported as <see cref="SmsSendStatus.UnknownOutcome"/> and never retried, so a
/// user never receives two codes from one send.
/// </summary>
internal sealed class TwilioSmsSender(
    IOptionsMonitor<TwilioSmsOptions> options,
    TwilioRestClientFactory clientFactory,
    TimeProvider timeProvider,
    ILogger<TwilioSmsSender> logger) : ISmsSender
{
    /// <summary>Twilio's bounds for <c>ValidityPeriod</c>, in seconds.</summary>
    internal const int MinValiditySeconds = 1;

    /// <inheritdoc cref="MinValiditySeconds"/>
    internal const int MaxValiditySeconds = 36_000;

    public async ValueTask<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();

        var settings = options.CurrentValue;
        var client = clientFactory.Create(settings);
        var maskedPhone = PhoneNumberMasking.Mask(message.To);

        for (var attempt = 1; ; attempt++)
        {
            var outcome = await SendOnceAsync(client, message, settings, attempt, maskedPhone, cancellationToken);
            if (!outcome.Retryable)
            {
                return outcome.Result;
            }

            var retriesDone = attempt - 1;
            var delay = outcome.Result.RetryAfter ?? Backoff(settings, retriesDone);
            if (retriesDone >= settings.MaxRetries || delay > settings.MaxRetryDelay)
            {
                if (outcome.Result.Status == SmsSendStatus.RateLimited)
                {
                    TwilioSmsLog.RateLimited(logger, maskedPhone, outcome.Result.RetryAfter, retriesDone);
                }

                return outcome.Result;
            }

            TwilioSmsLog.Retrying(logger, maskedPhone, delay, outcome.Reason, attempt, settings.MaxRetries);
            await Task.Delay(delay, timeProvider, cancellationToken);
        }
    }

    private async Task<Outcome> SendOnceAsync(
        ITwilioRestClient client, SmsMessage message, TwilioSmsOptions settings, int attempt, string maskedPhone, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(settings.RequestTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var call = new TwilioCallContext(linked.Token);
        try
        {
            MessageResource created;
            using (call.Enter())
            {
                created = await MessageResource.CreateAsync(BuildRequest(message, settings, attempt), client);
            }

            TwilioSmsLog.Accepted(logger, maskedPhone, created.Sid, attempt);
            return Outcome.Final(SmsSendResult.Accepted(created.Sid));
        }
        catch (Exception exception) when (exception is TwilioException or HttpRequestException or OperationCanceledException)
        {
            // Twilio 8.2.0 wraps everything, cancellation included, in ApiConnectionException: look at the tokens.
            if (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException("The SMS send was cancelled by the caller.", exception, cancellationToken);
            }

            return Classify(exception, call, timeout.IsCancellationRequested, settings, maskedPhone);
        }
    }

    private Outcome Classify(Exception exception, TwilioCallContext call, bool timedOut, TwilioSmsOptions settings, string maskedPhone)
    {
        if (call.StatusCode is int httpStatus)
        {
            if (httpStatus is >= 200 and < 300)
            {
                // Twilio created the message; only its answer was unreadable. Reporting a failure would invite a resend.
                TwilioSmsLog.AcceptedUnreadable(logger, maskedPhone, httpStatus);
                return Outcome.Final(SmsSendResult.Accepted(null));
            }

            var twilioCode = exception switch
            {
                ApiException api => api.Code,
                ApiStandardException standard => standard.Code,
                _ => 0,
            };
            var status = TwilioErrorMapper.Map(httpStatus, twilioCode);
            var providerErrorCode = TwilioErrorMapper.ProviderErrorCode(httpStatus, twilioCode);
            if (status == SmsSendStatus.RateLimited)
            {
                var retryAfter = RetryAfter(call.RetryAfter);
                return Outcome.Retry(SmsSendResult.Failed(status, providerErrorCode, retryAfter), "HTTP 429");
            }

            TwilioSmsLog.ErrorAnswer(logger, maskedPhone, status, providerErrorCode, httpStatus);
            return Outcome.Final(SmsSendResult.Failed(status, providerErrorCode));
        }

        if (timedOut)
        {
            TwilioSmsLog.TimedOut(logger, maskedPhone, settings.RequestTimeout);
            return Outcome.Final(SmsSendResult.Failed(SmsSendStatus.UnknownOutcome));
        }

        var httpFailure = FindHttpRequestException(exception);
        if (httpFailure?.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError)
        {
            // No connection (or no TLS session) was established, so no byte of the request reached Twilio.
            TwilioSmsLog.ConnectionFailed(logger, maskedPhone, httpFailure.HttpRequestError);
            return Outcome.Retry(SmsSendResult.Failed(SmsSendStatus.TransientFailure), "a connection failure");
        }

        TwilioSmsLog.FailedAfterSending(logger, maskedPhone, exception.GetType().Name, httpFailure?.HttpRequestError);
        return Outcome.Final(SmsSendResult.Failed(SmsSendStatus.UnknownOutcome));
    }

    private static CreateMessageOptions BuildRequest(SmsMessage message, TwilioSmsOptions settings, int attempt)
    {
        var request = new CreateMessageOptions(new PhoneNumber(message.To))
        {
            Body = message.Body,
            ValidityPeriod = ValiditySeconds(message.ValidityPeriod),
            Attempt = attempt,
        };

        if (!string.IsNullOrEmpty(settings.MessagingServiceSid))
        {
            request.MessagingServiceSid = settings.MessagingServiceSid;
        }
        else
        {
            request.From = new PhoneNumber(settings.From);
        }

        return request;
    }

    /// <summary>
    /// Whole seconds, rounded down so Twilio never delivers a code after it expired, within Twilio's 1–36000 range.
    /// </summary>
    internal static int ValiditySeconds(TimeSpan validityPeriod) =>
        (int)Math.Clamp(Math.Floor(validityPeriod.TotalSeconds), MinValiditySeconds, MaxValiditySeconds);

    private static TimeSpan Backoff(TwilioSmsOptions settings, int retriesDone)
    {
        var delay = settings.RetryDelay * Math.Pow(2, retriesDone);
        return delay < settings.MaxRetryDelay ? delay : settings.MaxRetryDelay;
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > timeProvider.GetUtcNow() ? date - timeProvider.GetUtcNow() : TimeSpan.Zero,
        _ => null,
    };

    private static HttpRequestException? FindHttpRequestException(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is HttpRequestException http)
            {
                return http;
            }
        }

        return null;
    }

    /// <summary>One attempt's result, and whether retrying is safe (Twilio certainly did not send).</summary>
    private readonly record struct Outcome(SmsSendResult Result, bool Retryable, string Reason)
    {
        public static Outcome Final(SmsSendResult result) => new(result, false, string.Empty);

        public static Outcome Retry(SmsSendResult result, string reason) => new(result, true, reason);
    }
}

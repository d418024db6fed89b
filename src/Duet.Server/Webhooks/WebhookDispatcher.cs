using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Duet.Server.Webhooks;

/// <summary>
/// Sends session events to the configured callback URL, one at a time and in order, from a bounded queue, so a slow
/// or failing receiver never holds up a session. Each body is signed (<see cref="WebhookSignature"/>).
/// </summary>
public sealed class WebhookDispatcher : BackgroundService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly IOptionsMonitor<WebhookOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<WebhookDispatcher> _logger;
    private readonly Channel<object> _queue;
    private readonly HttpClient _http;

    public WebhookDispatcher(IOptionsMonitor<WebhookOptions> options, TimeProvider time, ILogger<WebhookDispatcher> logger)
    {
        _options = options;
        _time = time;
        _logger = logger;
        _queue = Channel.CreateBounded<object>(new BoundedChannelOptions(Math.Max(1, options.CurrentValue.MaxQueue)) { SingleReader = true });
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(Math.Max(1, options.CurrentValue.TimeoutSeconds)) };
    }

    public bool Enabled => !string.IsNullOrEmpty(_options.CurrentValue.Url);

    /// <summary>Queues an event payload; never blocks.</summary>
    public void Post(object payload)
    {
        if (Enabled && !_queue.Writer.TryWrite(payload))
        {
            _logger.LogWarning("Webhook queue full; an event was dropped");
        }
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var payload in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                await DeliverAsync(JsonSerializer.Serialize(payload, Json), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task DeliverAsync(string body, CancellationToken stoppingToken)
    {
        var options = _options.CurrentValue;
        for (var attempt = 1; attempt <= Math.Max(1, options.Attempts); attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, options.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                if (!string.IsNullOrEmpty(options.Secret))
                {
                    request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, WebhookSignature.Create(options.Secret, _time.GetUtcNow().ToUnixTimeSeconds(), body));
                }

                using var response = await _http.SendAsync(request, stoppingToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                _logger.LogWarning("Webhook receiver answered {Status} (attempt {Attempt})", (int)response.StatusCode, attempt);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
            {
                _logger.LogWarning("Webhook delivery failed (attempt {Attempt}): {Error}", attempt, e.Message);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt), _time, stoppingToken);
        }
    }
}

namespace Duet.Server.Webhooks;

/// <summary>Session monitoring callbacks, bound from <c>Duet:Webhooks</c>. Off unless a URL is set.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Duet:Webhooks";

    public const int DefaultMaxQueue = 1000;
    public const int DefaultTimeoutSeconds = 10;
    public const int DefaultAttempts = 3;

    /// <summary>Where connection and stream events are POSTed as JSON; null or empty turns callbacks off.</summary>
    public string? Url { get; set; }

    /// <summary>Signs each body (<see cref="WebhookSignature"/>) so the receiver can tell it came from this server.</summary>
    public string? Secret { get; set; }

    /// <summary>Events waiting to be sent; beyond this, new events are dropped (and logged) rather than slowing sessions down.</summary>
    public int MaxQueue { get; set; } = DefaultMaxQueue;

    public int TimeoutSeconds { get; set; } = DefaultTimeoutSeconds;

    /// <summary>Tries per event when the receiver fails or answers with a non-2xx status.</summary>
    public int Attempts { get; set; } = DefaultAttempts;
}

namespace Duet.Server.Signaling;

/// <summary>Every limit the server enforces on clients, bound from <c>Duet:Limits</c>. Defaults are named constants.</summary>
public sealed class LimitsOptions
{
    public const string Section = "Duet:Limits";

    public const int DefaultMaxHubMessageBytes = 128 * 1024;
    public const int DefaultMaxSdpLength = 64 * 1024;
    public const int DefaultMaxCandidateLength = 4 * 1024;
    public const int DefaultMaxConnectionsPerSession = 50;
    public const int DefaultMaxStreamsPerConnection = 4;
    public const int DefaultMaxSubscriptionsPerConnection = 16;
    public const int DefaultMaxSignalTypeLength = 128;
    public const int DefaultMaxSignalDataLength = 8192;
    public const double DefaultSignalsPerSecond = 20;
    public const int DefaultSignalBurst = 40;
    public const int DefaultMaxOutboundQueue = 1024;
    public const int DefaultMaxQueuedSignals = 100;
    public const int DefaultMaxStreamNameLength = 1000;
    public const int DefaultMaxRequestBodyBytes = 256 * 1024;

    /// <summary>The largest hub message a client may send (SignalR closes the socket of a client that sends more).</summary>
    public int MaxHubMessageBytes { get; set; } = DefaultMaxHubMessageBytes;

    /// <summary>The largest SDP (characters) relayed in an offer or answer.</summary>
    public int MaxSdpLength { get; set; } = DefaultMaxSdpLength;

    /// <summary>The largest ICE candidate (JSON characters) relayed.</summary>
    public int MaxCandidateLength { get; set; } = DefaultMaxCandidateLength;

    /// <summary>Used when a session sets no limit of its own (<c>Session.MaxConnections</c>).</summary>
    public int MaxConnectionsPerSession { get; set; } = DefaultMaxConnectionsPerSession;

    public int MaxStreamsPerConnection { get; set; } = DefaultMaxStreamsPerConnection;

    /// <summary>Subscriptions a connection may hold as the subscriber.</summary>
    public int MaxSubscriptionsPerConnection { get; set; } = DefaultMaxSubscriptionsPerConnection;

    public int MaxSignalTypeLength { get; set; } = DefaultMaxSignalTypeLength;

    public int MaxSignalDataLength { get; set; } = DefaultMaxSignalDataLength;

    /// <summary>Sustained signals per connection per second (a token bucket refilled at this rate).</summary>
    public double SignalsPerSecond { get; set; } = DefaultSignalsPerSecond;

    /// <summary>Signals a connection may send at once before the rate applies.</summary>
    public int SignalBurst { get; set; } = DefaultSignalBurst;

    /// <summary>Messages waiting to be written to one socket; a client that falls this far behind is disconnected.</summary>
    public int MaxOutboundQueue { get; set; } = DefaultMaxOutboundQueue;

    /// <summary>Signals kept for a connection while its socket is down; older ones are dropped first.</summary>
    public int MaxQueuedSignals { get; set; } = DefaultMaxQueuedSignals;

    public int MaxStreamNameLength { get; set; } = DefaultMaxStreamNameLength;

    /// <summary>The largest HTTP request body (REST calls are small; this keeps a flood of bytes out of memory). 413 beyond.</summary>
    public int MaxRequestBodyBytes { get; set; } = DefaultMaxRequestBodyBytes;
}

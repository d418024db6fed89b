namespace Duet.Signaling.Tests.Infrastructure;

/// <summary>A server with fast heartbeats (ping every second, a client silent for 4 s is dead) and a long grace.</summary>
public sealed class HeartbeatServer() : SignalingServer(new Dictionary<string, string>
{
    ["Duet:Signaling:KeepAliveSeconds"] = "1",
    ["Duet:Signaling:ClientTimeoutSeconds"] = "4",
    ["Duet:Signaling:ReconnectGraceSeconds"] = "120",
});

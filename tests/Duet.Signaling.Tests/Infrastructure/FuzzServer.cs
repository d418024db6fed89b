namespace Duet.Signaling.Tests.Infrastructure;

/// <summary>A server of its own for the fuzz test, with a small hub message cap so oversized messages happen often,
/// and a long reconnect grace, so no connection expires while the test compares state.</summary>
public sealed class FuzzServer() : SignalingServer(new Dictionary<string, string>
{
    ["Duet:Limits:MaxHubMessageBytes"] = "32768",
    ["Duet:Limits:MaxSdpLength"] = "16384",
    ["Duet:Signaling:ReconnectGraceSeconds"] = "600",
});

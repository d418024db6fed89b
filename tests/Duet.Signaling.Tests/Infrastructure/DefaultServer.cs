namespace Duet.Signaling.Tests.Infrastructure;

/// <summary>One server with the shipped defaults (20 s reconnect grace), shared by the test classes of its collection.</summary>
public sealed class DefaultServer() : SignalingServer(new Dictionary<string, string>
{
    // A drop detected by heartbeat must not end a test's connection early; the grace tests use TightServer.
    ["Duet:Signaling:ReconnectGraceSeconds"] = "20",
});

[CollectionDefinition(Name)]
public sealed class DefaultServerCollection : ICollectionFixture<DefaultServer>
{
    public const string Name = "default server";
}

using Duet.Server.Signaling.State;

namespace Duet.Scaling.Tests.State;

/// <summary>The reference semantics: the single-node store the Redis one must match.</summary>
public sealed class InMemorySessionStateTests : SessionStateContract
{
    private readonly InMemorySessionState _state = new();

    protected override ISessionState State => _state;

    protected override ISessionState SecondView => _state;
}

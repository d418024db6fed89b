using Duet.Server.Signaling;
using Duet.Server.Signaling.State;

namespace Duet.Server.Api;

/// <summary>What the live-session routes use, injected as one parameter.</summary>
public sealed record LiveSessionServices(SessionCoordinator Coordinator, ISessionState State, ISessionStore Sessions);

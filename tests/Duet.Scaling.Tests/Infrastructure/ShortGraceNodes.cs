namespace Duet.Scaling.Tests.Infrastructure;

/// <summary>Two nodes that give up on a dead node after 3 s and on a dropped client after 4 s more, so node-death tests finish quickly.</summary>
public sealed class ShortGraceNodes() : TwoNodes(reconnectGraceSeconds: 4, nodeTimeoutSeconds: 3);

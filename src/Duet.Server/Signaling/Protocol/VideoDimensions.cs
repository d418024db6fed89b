namespace Duet.Server.Signaling.Protocol;

public sealed record VideoDimensions(int Width, int Height);

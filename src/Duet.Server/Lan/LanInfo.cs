namespace Duet.Server.Lan;

/// <summary>The address a phone on the same network opens, when LAN mode is on.</summary>
public sealed record LanInfo(string Url);

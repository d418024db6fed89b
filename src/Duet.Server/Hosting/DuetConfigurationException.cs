namespace Duet.Server.Hosting;

/// <summary>A setting that makes no sense; start-up stops with this message instead of running misconfigured.</summary>
public sealed class DuetConfigurationException(string message) : Exception(message);

namespace Duet.Server.Signaling.Protocol;

/// <param name="OldValue">A boolean or {width, height}, matching <paramref name="ChangedProperty"/>.</param>
public sealed record StreamPropertyChanged(string StreamId, string ChangedProperty, object? OldValue, object? NewValue);

namespace Duet.Server.Rooms;

/// <summary><c>Duet:Rooms</c>: the app's rooms endpoint, <c>GET /api/rooms/{name}</c>.</summary>
public sealed class RoomsOptions
{
    public const string Section = "Duet:Rooms";
    public const int DefaultMaxConnections = 2;

    /// <summary>Off for deployments where the customer's own backend issues tokens; the endpoint then answers 404.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Connections a room's session admits at once; 2 makes a room one-to-one.</summary>
    public int MaxConnections { get; set; } = DefaultMaxConnections;
}

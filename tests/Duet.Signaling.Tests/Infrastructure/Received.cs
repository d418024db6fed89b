using System.Text.Json;

namespace Duet.Signaling.Tests.Infrastructure;

/// <summary>One server→client message as a client received it.</summary>
public sealed record Received(int Index, string Name, JsonElement Arg)
{
    public string Str(string property) => Arg.GetProperty(property).GetString() ?? "";

    public override string ToString() => $"{Name} {Arg}";
}

namespace Duet.Core.Projects;

/// <summary>A tenant of the server: a numeric API key and the secret that signs its tokens and REST calls.</summary>
/// <remarks>The secret never leaves the server; <see cref="ToString"/> hides it so it cannot slip into a log line.</remarks>
public sealed record Project(int ApiKey, string ApiSecret, string Name, DateTimeOffset CreatedAt)
{
    public override string ToString() => $"Project {{ ApiKey = {ApiKey}, Name = {Name} }}";
}

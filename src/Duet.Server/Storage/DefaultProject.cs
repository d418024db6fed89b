namespace Duet.Server.Storage;

/// <summary>
/// The project the server itself issues tokens for (the rooms of the app): the configured seed project if there is
/// one, otherwise the oldest project. Set once by <see cref="ProjectBootstrap"/> before the server takes requests.
/// </summary>
public sealed class DefaultProject
{
    private int _apiKey;

    public int ApiKey => _apiKey != 0 ? _apiKey : throw new InvalidOperationException("The project bootstrap has not run.");

    internal void Set(int apiKey) => _apiKey = apiKey;
}

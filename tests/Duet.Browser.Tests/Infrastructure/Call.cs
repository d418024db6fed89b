using Duet.Testing.Browser;

namespace Duet.Browser.Tests.Infrastructure;

/// <summary>Two users (two Chromium profiles) with call pages open on the server, disposed together.</summary>
public sealed class Call : IAsyncDisposable
{
    private readonly List<BrowserUser> _users = [];

    private Call(CallServer server)
    {
        Server = server;
    }

    public CallServer Server { get; }

    public CallPage Alice { get; private set; } = null!;

    public CallPage Bob { get; private set; } = null!;

    public string SessionId { get; private set; } = "";

    public static async Task<Call> OpenAsync(CallServer server, int fakeCameras = 1)
    {
        var call = new Call(server);
        try
        {
            call.SessionId = await server.CreateSessionAsync();
            var users = await Task.WhenAll(
                ChromiumLauncher.LaunchAsync(new BrowserUserOptions { Name = "alice", FakeCameras = fakeCameras }),
                ChromiumLauncher.LaunchAsync(new BrowserUserOptions { Name = "bob", FakeCameras = fakeCameras }));
            call._users.AddRange(users);
            call.Alice = await CallPage.OpenAsync(users[0], server.BaseUri);
            call.Bob = await CallPage.OpenAsync(users[1], server.BaseUri);
            return call;
        }
        catch
        {
            await call.DisposeAsync();
            throw;
        }
    }

    /// <summary>Both join, publish and subscribe to each other; returns once media flows both ways.</summary>
    public async Task StartAsync(string alicePublisherProps = "{}", string bobPublisherProps = "{}")
    {
        await Alice.JoinAsync(SessionId, CallServer.Token(SessionId, data: "name=alice"), publisherPropsJson: alicePublisherProps);
        await Bob.JoinAsync(SessionId, CallServer.Token(SessionId, data: "name=bob"), publisherPropsJson: bobPublisherProps);
        await Alice.WaitForEventAsync("subscriber", "connected");
        await Bob.WaitForEventAsync("subscriber", "connected");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var user in _users)
        {
            await user.DisposeAsync();
        }
    }
}

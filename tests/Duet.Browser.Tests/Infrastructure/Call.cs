using Duet.Testing.Browser;

namespace Duet.Browser.Tests.Infrastructure;

/// <summary>
/// Two users (two Chromium profiles) with call pages open on the server. With the default single fake camera the
/// browsers are the test class's shared ones (only the pages are closed at the end); otherwise they are launched
/// for this call and closed with it.
/// </summary>
public sealed class Call : IAsyncDisposable
{
    private readonly List<BrowserUser> _ownedUsers = [];

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
            BrowserUser[] users;
            if (fakeCameras == 1)
            {
                users = [await server.UserAsync("alice"), await server.UserAsync("bob")];
            }
            else
            {
                users = await Task.WhenAll(
                    ChromiumLauncher.LaunchAsync(new BrowserUserOptions { Name = "alice", FakeCameras = fakeCameras }),
                    ChromiumLauncher.LaunchAsync(new BrowserUserOptions { Name = "bob", FakeCameras = fakeCameras }));
                call._ownedUsers.AddRange(users);
            }

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
        foreach (var page in new[] { Alice, Bob })
        {
            if (page is not null && !page.Page.IsClosed)
            {
                await page.Page.CloseAsync();
            }
        }

        foreach (var user in _ownedUsers)
        {
            await user.DisposeAsync();
        }
    }
}

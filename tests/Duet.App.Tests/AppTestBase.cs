using Duet.Testing.Browser;
using Microsoft.Playwright;

namespace Duet.App.Tests;

/// <summary>Launches people (one Chromium each), closes them after the test, and puts their console logs into failures.</summary>
[Collection(AppCollection.Name)]
public abstract class AppTestBase(AppServerFixture fixture) : IAsyncLifetime
{
    private readonly List<BrowserUser> _users = [];

    protected AppServerFixture Fixture { get; } = fixture;

    protected static string NewRoomName(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    protected async Task<BrowserUser> LaunchAsync(string name, BrowserUserOptions? options = null)
    {
        var user = await ChromiumLauncher.LaunchAsync((options ?? new BrowserUserOptions()) with
        {
            Name = name,
            DefaultTimeout = TimeSpan.FromSeconds(20),
        });
        _users.Add(user);
        return user;
    }

    protected async Task<CallPage> OpenRoomAsync(BrowserUser user, string room, string query = "")
    {
        var page = await user.OpenAsync(Fixture.Url($"/room/{room}{query}"));
        return new CallPage(page, user.Name);
    }

    /// <summary>Runs the test body and, when it fails, adds what each browser logged and what the server printed.</summary>
    protected async Task WithDiagnosticsAsync(Func<Task> body)
    {
        try
        {
            await body();
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException or Xunit.Sdk.XunitException)
        {
            var logs = string.Join("\n", _users.Select(u => $"--- {u.Name} console:\n{Tail(u.ConsoleLog)}"));
            throw new Exception($"{ex.Message}\n{logs}\n--- server:\n{Tail(Fixture.Server.Output)}", ex);
        }
    }

    private static string Tail(string text) => text.Length > 4000 ? text[^4000..] : text;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var user in _users)
        {
            await user.DisposeAsync();
        }
    }
}

using System.Text.Json;
using Duet.Browser.Tests.Infrastructure;

namespace Duet.Browser.Tests;

/// <summary>Issue 4, test 8: signals to everyone (sender included), to one connection, and the refusals.</summary>
public sealed class SignalTests(CallServer server) : IClassFixture<CallServer>
{
    [Fact]
    public async Task SignalsReachEveryoneOrOneAndBadOnesAreRefused()
    {
        await using var call = await Call.OpenAsync(server);
        Assert.Equal(JsonValueKind.Null, (await call.Alice.ConnectAsync(call.SessionId, CallServer.Token(call.SessionId, data: "{\"name\":\"alice\"}"))).ValueKind);
        Assert.Equal(JsonValueKind.Null, (await call.Bob.ConnectAsync(call.SessionId, CallServer.Token(call.SessionId))).ValueKind);
        var alice = await call.Alice.EvalAsync<string>("H.session.connection.connectionId");
        var bob = await call.Bob.EvalAsync<string>("H.session.connection.connectionId");
        await call.Alice.WaitForEventAsync("session", "connectionCreated", $"e.connectionId === '{bob}'");
        await call.Alice.EvalAsync("H.typed = []; H.session.on('signal:chat', e => H.typed.push({ type: e.type, data: e.data, from: e.from.connectionId, fromData: e.from.data }))");
        await call.Bob.EvalAsync("H.typed = []; H.session.on('signal:chat', e => H.typed.push({ type: e.type, data: e.data, from: e.from.connectionId, fromData: e.from.data }))");

        // To everyone: both receive it, the sender too, as 'signal' and as 'signal:chat'.
        Assert.Equal(JsonValueKind.Null, (await call.Alice.EvalAsync("H.signal({ type: 'chat', data: 'hello' })")).ValueKind);
        foreach (var page in new[] { call.Alice, call.Bob })
        {
            var signal = await page.WaitForEventAsync("session", "signal:chat", "e.data === 'hello'", timeoutMs: 2000);
            Assert.Equal(alice, signal.GetProperty("from").GetString());
            await page.WaitForAsync("H.typed.length === 1");
            var typed = await page.EvalAsync("H.typed[0]");
            Assert.Equal("signal:chat", typed.GetProperty("type").GetString());
            Assert.Equal("{\"name\":\"alice\"}", typed.GetProperty("fromData").GetString());
        }

        // To one connection: only Bob receives it.
        Assert.Equal(JsonValueKind.Null, (await call.Alice.EvalAsync($"H.signal({{ type: 'chat', data: 'just bob', to: H.session.connections.find('{bob}') }})")).ValueKind);
        await call.Bob.WaitForEventAsync("session", "signal:chat", "e.data === 'just bob'", timeoutMs: 2000);
        Assert.Equal(JsonValueKind.Null, (await call.Bob.EvalAsync("H.signal({ type: 'chat', data: 'ping back' })")).ValueKind);
        await call.Alice.WaitForEventAsync("session", "signal:chat", "e.data === 'ping back'", timeoutMs: 2000);
        Assert.Empty(await call.Alice.EvalAsync<string[]>("H.log.filter(e => e.data === 'just bob').map(e => e.type)"));

        // Untyped signals arrive as plain 'signal'.
        await call.Bob.EvalAsync("H.signal({ data: 'untyped' })");
        var untyped = await call.Alice.WaitForEventAsync("session", "signal", "e.data === 'untyped'", timeoutMs: 2000);
        Assert.Equal(bob, untyped.GetProperty("from").GetString());

        // Refusals: data too large → 413, a bad type → 400, an unknown recipient → 404 (from the server).
        var tooLarge = await call.Alice.EvalAsync("H.signal({ type: 'chat', data: 'x'.repeat(8193) })");
        Assert.Equal(413, tooLarge.GetProperty("code").GetInt32());
        var badType = await call.Alice.EvalAsync("H.signal({ type: 'not allowed!', data: 'x' })");
        Assert.Equal(400, badType.GetProperty("code").GetInt32());
        var unknown = await call.Alice.EvalAsync("H.signal({ type: 'chat', data: 'x', to: 'no-such-connection' })");
        Assert.Equal(404, unknown.GetProperty("code").GetInt32());
        Assert.Equal(JsonValueKind.Null, (await call.Alice.EvalAsync("H.signal({ type: 'chat', data: 'x'.repeat(8192) })")).ValueKind);
        await call.Bob.WaitForAsync("H.typed.some(t => t.data.length === 8192)");
    }
}

using Duet.Server.Signaling.Protocol;
using Microsoft.AspNetCore.SignalR;

namespace Duet.Server.Signaling;

/// <summary>
/// The SignalR hub at <c>/v2/signaling</c> (docs/signaling-protocol.md): one method per client message, each a
/// thin call into <see cref="SessionCoordinator"/>. The caller's identity is the socket's binding on the server,
/// never anything in the payload. Refusals are <see cref="HubResult"/> errors; an exception is a bug, and even
/// then the client gets error 2000 rather than a thrown hub error.
/// </summary>
public sealed class SignalingHub(SessionCoordinator coordinator, ClientSockets sockets, ILogger<SignalingHub> logger) : Hub<ISignalingClient>
{
    public const string Path = "/v2/signaling";

    public override Task OnConnectedAsync()
    {
        sockets.Register(Context);
        return Task.CompletedTask;
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        // Before the close is handled: a Connect or Resume still running on this socket then sees it closed.
        sockets.MarkClosing(Context.ConnectionId);
        try
        {
            await coordinator.HandleSocketClosedAsync(Context.ConnectionId);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Handling the close of socket {SocketId} failed", Context.ConnectionId);
        }
        finally
        {
            sockets.Unregister(Context.ConnectionId);
        }
    }

    public Task<HubResult> Connect(ConnectRequest? request) => Guard(() => coordinator.ConnectAsync(Context.ConnectionId, request));

    public Task<HubResult> Resume(ResumeRequest? request) => Guard(() => coordinator.ResumeAsync(Context.ConnectionId, request));

    public Task<HubResult> Disconnect() => Guard(() => coordinator.DisconnectAsync(Context.ConnectionId));

    public Task<HubResult> Publish(PublishRequest? request) => Guard(() => coordinator.PublishAsync(Context.ConnectionId, request));

    public Task<HubResult> Unpublish(string? streamId) => Guard(() => coordinator.UnpublishAsync(Context.ConnectionId, streamId));

    public Task<HubResult> Subscribe(string? streamId) => Guard(() => coordinator.SubscribeAsync(Context.ConnectionId, streamId));

    public Task<HubResult> Unsubscribe(string? subscriptionId) => Guard(() => coordinator.UnsubscribeAsync(Context.ConnectionId, subscriptionId));

    public Task<HubResult> SendMedia(MediaMessage? message) => Guard(() => coordinator.SendMediaAsync(Context.ConnectionId, message));

    public Task<HubResult> SetStreamProperty(StreamPropertyRequest? request) => Guard(() => coordinator.SetStreamPropertyAsync(Context.ConnectionId, request));

    public Task<HubResult> SetSubscriberMedia(SubscriberMediaRequest? request) => Guard(() => coordinator.SetSubscriberMediaAsync(Context.ConnectionId, request));

    public Task<HubResult> Signal(SignalRequest? request) => Guard(() => coordinator.SignalAsync(Context.ConnectionId, request));

    public Task<HubResult> ForceDisconnect(string? connectionId) => Guard(() => coordinator.ForceDisconnectAsync(Context.ConnectionId, connectionId));

    public Task<HubResult> ForceUnpublish(string? streamId) => Guard(() => coordinator.ForceUnpublishAsync(Context.ConnectionId, streamId));

    public Task<HubResult> ForceMuteStream(string? streamId) => Guard(() => coordinator.ForceMuteStreamAsync(Context.ConnectionId, streamId));

    public Task<HubResult> ForceMuteAll(ForceMuteAllRequest? request) => Guard(() => coordinator.ForceMuteAllAsync(Context.ConnectionId, request));

    private async Task<HubResult> Guard(Func<Task<HubResult>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e)
        {
            logger.LogError(e, "Hub call on socket {SocketId} failed", Context.ConnectionId);
            return HubResult.Fail(OtErrorCodes.InternalError, "Internal server error.");
        }
    }
}

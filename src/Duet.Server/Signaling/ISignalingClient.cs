using Duet.Server.Signaling.Protocol;
using Microsoft.AspNetCore.SignalR;

namespace Duet.Server.Signaling;

/// <summary>Every server→client message of the hub (docs/signaling-protocol.md); sent under the camelCase names the doc uses.</summary>
public interface ISignalingClient
{
    [HubMethodName("connectionCreated")]
    Task ConnectionCreated(SessionConnectionInfo connection);

    [HubMethodName("connectionDestroyed")]
    Task ConnectionDestroyed(ConnectionDestroyed message);

    [HubMethodName("connectionReconnecting")]
    Task ConnectionReconnecting(ConnectionRef message);

    [HubMethodName("connectionReconnected")]
    Task ConnectionReconnected(ConnectionRef message);

    [HubMethodName("streamCreated")]
    Task StreamCreated(StreamInfo stream);

    [HubMethodName("streamDestroyed")]
    Task StreamDestroyed(StreamDestroyed message);

    [HubMethodName("streamPropertyChanged")]
    Task StreamPropertyChanged(StreamPropertyChanged message);

    [HubMethodName("subscriberAdded")]
    Task SubscriberAdded(SubscriptionInfo subscription);

    [HubMethodName("subscriptionRemoved")]
    Task SubscriptionRemoved(SubscriptionRemoved message);

    [HubMethodName("media")]
    Task Media(MediaMessage message);

    [HubMethodName("subscriberMediaChanged")]
    Task SubscriberMediaChanged(SubscriberMediaChanged message);

    [HubMethodName("signal")]
    Task Signal(SignalMessage message);

    [HubMethodName("muteForced")]
    Task MuteForced(MuteForced message);

    [HubMethodName("disconnected")]
    Task Disconnected(Disconnected message);
}

using Duet.Core.Tokens;

namespace Duet.Server.Signaling.Protocol;

/// <summary>What a role may do, as the 0/1 numbers OpenTok's <c>session.capabilities</c> uses.</summary>
public sealed record Capabilities(int Publish, int Subscribe, int Signal, int ForceDisconnect, int ForceUnpublish, int ForceMute)
{
    public static Capabilities Of(Role role)
    {
        static int Bit(bool b) => b ? 1 : 0;
        var moderator = Bit(role.CanModerate());
        return new Capabilities(Bit(role.CanPublish()), Bit(role.CanSubscribe()), Bit(role.CanSignal()), moderator, moderator, moderator);
    }
}

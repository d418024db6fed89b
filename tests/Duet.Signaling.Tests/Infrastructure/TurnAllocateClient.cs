using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Duet.Signaling.Tests.Infrastructure;

/// <summary>
/// Just enough of TURN (RFC 5766) over UDP to ask a server for an allocation with long-term credentials (RFC 5389
/// §10.2): the first request gets 401 with realm and nonce, the second carries USERNAME, REALM, NONCE and
/// MESSAGE-INTEGRITY keyed with MD5(username:realm:password). Answers whether the server accepted.
/// </summary>
public static class TurnAllocateClient
{
    private const ushort AllocateRequest = 0x0003;
    private const ushort AllocateSuccess = 0x0103;
    private const ushort AllocateError = 0x0113;
    private const ushort Username = 0x0006;
    private const ushort MessageIntegrity = 0x0008;
    private const ushort ErrorCode = 0x0009;
    private const ushort RealmAttribute = 0x0014;
    private const ushort Nonce = 0x0015;
    private const ushort RequestedTransport = 0x0019;
    private const uint MagicCookie = 0x2112A442;

    /// <returns>The STUN error code (0 = the allocation succeeded).</returns>
    public static async Task<int> AllocateAsync(int port, string username, string password, TimeSpan timeout)
    {
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var server = new IPEndPoint(IPAddress.Loopback, port);
        var deadline = DateTime.UtcNow + timeout;

        // Unauthenticated first: the 401 carries the realm and nonce. Retried until coturn is listening.
        Dictionary<ushort, byte[]> challenge;
        while (true)
        {
            var reply = await ExchangeAsync(udp, server, Build([(RequestedTransport, [17, 0, 0, 0])], null), TimeSpan.FromMilliseconds(300));
            if (reply is { Type: AllocateError } r && r.Attributes.ContainsKey(Nonce))
            {
                challenge = r.Attributes;
                break;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No TURN challenge from 127.0.0.1:{port}");
            }
        }

        var realm = Encoding.UTF8.GetString(challenge[RealmAttribute]);
#pragma warning disable CA5351 // The long-term credential key is MD5 by definition (RFC 5389 §15.4).
        var key = MD5.HashData(Encoding.UTF8.GetBytes($"{username}:{realm}:{password}"));
#pragma warning restore CA5351
        var request = Build(
            [(RequestedTransport, [17, 0, 0, 0]), (Username, Encoding.UTF8.GetBytes(username)), (RealmAttribute, challenge[RealmAttribute]), (Nonce, challenge[Nonce])],
            key);
        var answer = await ExchangeAsync(udp, server, request, deadline - DateTime.UtcNow)
            ?? throw new TimeoutException($"No answer to the authenticated Allocate from 127.0.0.1:{port}");
        if (answer.Type == AllocateSuccess)
        {
            return 0;
        }

        var error = answer.Attributes[ErrorCode];
        return (error[2] & 0x7) * 100 + error[3];
    }

    private static byte[] Build(IEnumerable<(ushort Type, byte[] Value)> attributes, byte[]? integrityKey)
    {
        var body = new List<byte>();
        foreach (var (type, value) in attributes)
        {
            AppendAttribute(body, type, value);
        }

        var header = new byte[20];
        BinaryPrimitives.WriteUInt16BigEndian(header, AllocateRequest);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), MagicCookie);
        RandomNumberGenerator.Fill(header.AsSpan(8, 12));
        if (integrityKey is null)
        {
            BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(2), (ushort)body.Count);
            return [.. header, .. body];
        }

        // MESSAGE-INTEGRITY covers everything before it, with the length already counting its own 24 bytes.
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(2), (ushort)(body.Count + 24));
#pragma warning disable CA5350 // STUN's MESSAGE-INTEGRITY is HMAC-SHA1 by definition.
        var mac = HMACSHA1.HashData(integrityKey, header.Concat(body).ToArray());
#pragma warning restore CA5350
        AppendAttribute(body, MessageIntegrity, mac);
        return [.. header, .. body];
    }

    private static void AppendAttribute(List<byte> body, ushort type, byte[] value)
    {
        Span<byte> tl = stackalloc byte[4];
        BinaryPrimitives.WriteUInt16BigEndian(tl, type);
        BinaryPrimitives.WriteUInt16BigEndian(tl[2..], (ushort)value.Length);
        body.AddRange(tl.ToArray());
        body.AddRange(value);
        body.AddRange(new byte[(4 - value.Length % 4) % 4]);
    }

    private static async Task<(ushort Type, Dictionary<ushort, byte[]> Attributes)?> ExchangeAsync(UdpClient udp, IPEndPoint server, byte[] request, TimeSpan wait)
    {
        await udp.SendAsync(request, server);
        using var cts = new CancellationTokenSource(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1));
        try
        {
            while (true)
            {
                var received = await udp.ReceiveAsync(cts.Token);
                var data = received.Buffer;
                if (data.Length < 20 || !data.AsSpan(8, 12).SequenceEqual(request.AsSpan(8, 12)))
                {
                    continue;
                }

                var attributes = new Dictionary<ushort, byte[]>();
                for (var at = 20; at + 4 <= data.Length;)
                {
                    var type = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(at));
                    var length = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(at + 2));
                    attributes.TryAdd(type, data.AsSpan(at + 4, Math.Min(length, data.Length - at - 4)).ToArray());
                    at += 4 + length + (4 - length % 4) % 4;
                }

                return (BinaryPrimitives.ReadUInt16BigEndian(data), attributes);
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        catch (SocketException)
        {
            // ICMP port unreachable while coturn is still starting.
            return null;
        }
    }
}

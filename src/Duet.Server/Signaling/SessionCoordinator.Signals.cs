using System.Buffers;
using Duet.Core.Tokens;
using Duet.Server.Signaling.Protocol;
using Duet.Server.Signaling.State;

namespace Duet.Server.Signaling;

/// <summary>Signals between clients (and from the REST API): validated, rate limited, kept for a reconnecting receiver.</summary>
public sealed partial class SessionCoordinator
{
    private static readonly SearchValues<char> SignalTypeChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~");

    public Task<HubResult> SignalAsync(string socketId, SignalRequest? request) => WithCallerAsync(socketId, async me =>
    {
        if (!me.Role.CanSignal())
        {
            return HubResult.Fail(OtErrorCodes.Forbidden, $"A {me.Role.ToWire()} token cannot send signals.");
        }

        var (outcome, message) = await DeliverSignalAsync(me.SessionId, me.ConnectionId, request?.Type, request?.Data, request?.To, checkRate: true);
        return outcome == SignalOutcome.Accepted ? HubResult.Done : HubResult.Fail((int)outcome, message);
    });

    /// <summary>A signal sent through REST: from nobody (<c>fromConnectionId</c> null), to one connection or to all.</summary>
    public async Task<(SignalOutcome Outcome, string Message)> SignalFromServerAsync(string sessionId, string? toConnectionId, string? type, string? data)
    {
        await using (await gate.EnterAsync(sessionId))
        {
            return await DeliverSignalAsync(sessionId, null, type, data, toConnectionId, checkRate: false);
        }
    }

    /// <summary>Validates in OpenTok's order (type, data, to, rate) and delivers. Call inside the gate.</summary>
    private async Task<(SignalOutcome, string)> DeliverSignalAsync(string sessionId, string? fromConnectionId, string? type, string? data, string? to, bool checkRate)
    {
        var limits = Limits;
        type ??= "";
        data ??= "";
        if (type.Length > limits.MaxSignalTypeLength)
        {
            return (SignalOutcome.TooLarge, $"The signal type is longer than {limits.MaxSignalTypeLength} characters.");
        }

        if (type.AsSpan().ContainsAnyExcept(SignalTypeChars))
        {
            return (SignalOutcome.BadRequest, "The signal type may contain only letters, digits, '-', '.', '_' and '~'.");
        }

        if (data.Length > limits.MaxSignalDataLength)
        {
            return (SignalOutcome.TooLarge, $"The signal data is longer than {limits.MaxSignalDataLength} characters.");
        }

        IReadOnlyList<ConnectionRecord> targets;
        if (to is null)
        {
            targets = await state.ListConnectionsAsync(sessionId);
        }
        else if (string.IsNullOrWhiteSpace(to))
        {
            return (SignalOutcome.BadRequest, "'to' must be a connection ID.");
        }
        else if (await state.FindConnectionAsync(to) is { } target && target.SessionId == sessionId)
        {
            targets = [target];
        }
        else
        {
            return (SignalOutcome.NotFound, "The connection is not in this session.");
        }

        if (checkRate && fromConnectionId is not null && !signalRate.TryTake(fromConnectionId))
        {
            return (SignalOutcome.TooManyRequests, "Too many signals; slow down.");
        }

        var message = new SignalMessage(type, data, fromConnectionId);
        foreach (var target in targets)
        {
            if (target.SocketId is null)
            {
                await state.AddPendingSignalAsync(target.ConnectionId, message, limits.MaxQueuedSignals);
            }
            else
            {
                Send(target, c => c.Signal(message));
            }
        }

        return (SignalOutcome.Accepted, "");
    }
}

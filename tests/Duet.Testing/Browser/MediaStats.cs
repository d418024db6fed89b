namespace Duet.Testing.Browser;

/// <summary>Totals from <c>getStats()</c> over a page's open peer connections (see <see cref="PeerConnectionProbe"/>).</summary>
public sealed record MediaStats
{
    public int PeerConnections { get; init; }

    public double FramesDecoded { get; init; }

    public double VideoBytesReceived { get; init; }

    public double AudioBytesReceived { get; init; }

    public double FramesEncoded { get; init; }

    public double VideoBytesSent { get; init; }

    public double AudioBytesSent { get; init; }

    /// <summary>Candidate types ("host", "srflx", "relay") of each open connection's selected pair, local side.</summary>
    public IReadOnlyList<string> SelectedLocalCandidateTypes { get; init; } = [];

    public IReadOnlyList<string> SelectedRemoteCandidateTypes { get; init; } = [];

    /// <summary>Ports of the selected local candidates (for a relay candidate: the port the TURN server allocated).</summary>
    public IReadOnlyList<int> SelectedLocalCandidatePorts { get; init; } = [];

    public override string ToString() =>
        $"pcs={PeerConnections} framesDecoded={FramesDecoded} videoIn={VideoBytesReceived} audioIn={AudioBytesReceived} " +
        $"framesEncoded={FramesEncoded} videoOut={VideoBytesSent} audioOut={AudioBytesSent} " +
        $"local=[{string.Join(',', SelectedLocalCandidateTypes)}] remote=[{string.Join(',', SelectedRemoteCandidateTypes)}]";
}

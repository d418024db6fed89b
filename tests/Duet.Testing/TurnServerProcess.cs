using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace Duet.Testing;

/// <summary>
/// Debian's coturn (<c>turnserver</c>) on loopback with a shared secret (<c>use-auth-secret</c>), as DEVELOPERS.md
/// describes: the Duet server is given the same secret (<c>Duet:Turn:Secret</c>) and hands out ephemeral credentials.
/// </summary>
public sealed class TurnServerProcess : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/turnserver";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private readonly string _workDir;

    private TurnServerProcess(Process process, int port, string secret, int minRelayPort, int maxRelayPort, string workDir)
    {
        _process = process;
        Port = port;
        Secret = secret;
        MinRelayPort = minRelayPort;
        MaxRelayPort = maxRelayPort;
        _workDir = workDir;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }

    public string Secret { get; }

    /// <summary>The UDP/TCP port range coturn allocates relayed addresses from.</summary>
    public int MinRelayPort { get; }

    public int MaxRelayPort { get; }

    /// <summary>turn: URLs for UDP and TCP on loopback.</summary>
    public IReadOnlyList<string> Urls => [$"turn:127.0.0.1:{Port}?transport=udp", $"turn:127.0.0.1:{Port}?transport=tcp"];

    public string Output => string.Join('\n', _output);

    /// <summary>Settings that point a <see cref="DuetServerProcess"/> at this TURN server.</summary>
    public Dictionary<string, string> DuetSettings()
    {
        var settings = new Dictionary<string, string> { ["Duet:Turn:Secret"] = Secret, ["Duet:Turn:TtlSeconds"] = "600" };
        for (var i = 0; i < Urls.Count; i++)
        {
            settings[$"Duet:Turn:Urls:{i}"] = Urls[i];
        }

        return settings;
    }

    public static async Task<TurnServerProcess> StartAsync(string? secret = null)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing: apt-get install coturn (./test.sh does this when run as root).");
        }

        secret ??= Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var port = FreePort.Next();
        // A relay port range of its own, away from the listening port; ephemeral ports are above 32768 on Linux.
        var minPort = 20000 + (port % 200) * 50;
        // Its own pid file and user database, so parallel test runs never share coturn state.
        var workDir = Directory.CreateTempSubdirectory("duet-turn-").FullName;
        var psi = new ProcessStartInfo(ExecutablePath) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[]
        {
            "-n", "--listening-ip=127.0.0.1", "--relay-ip=127.0.0.1", $"--listening-port={port}", "--use-auth-secret",
            $"--static-auth-secret={secret}", "--realm=duet.test", "--no-tls", "--no-dtls", "--fingerprint",
            $"--min-port={minPort}", $"--max-port={minPort + 49}", "--allow-loopback-peers", "--no-cli", "--log-file=stdout",
            $"--pidfile={Path.Combine(workDir, "turnserver.pid")}", $"--userdb={Path.Combine(workDir, "turndb")}",
        })
        {
            psi.ArgumentList.Add(arg);
        }

        var process = Process.Start(psi) ?? throw new InvalidOperationException("turnserver did not start");
        var turn = new TurnServerProcess(process, port, secret, minPort, minPort + 49, workDir);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"turnserver exited with {process.ExitCode}:\n{turn.Output}");
            }

            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync("127.0.0.1", port);
                return turn;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        await turn.DisposeAsync();
        throw new TimeoutException($"turnserver did not listen on {port.ToString(CultureInfo.InvariantCulture)} within 10 s:\n{turn.Output}");
    }

    /// <summary>Freezes coturn (SIGSTOP): relayed media stops at once while every socket stays open.</summary>
    public void Pause() => Signal("STOP");

    /// <summary>Thaws a paused coturn (SIGCONT).</summary>
    public void Resume() => Signal("CONT");

    /// <summary>TURN settings for a Duet server whose clients must reach this coturn through <paramref name="udpPort"/> (e.g. a <c>UdpLossyRelay</c>), UDP only.</summary>
    public Dictionary<string, string> DuetSettingsVia(int udpPort) => new()
    {
        ["Duet:Turn:Secret"] = Secret,
        ["Duet:Turn:TtlSeconds"] = "600",
        ["Duet:Turn:Urls:0"] = $"turn:127.0.0.1:{udpPort}?transport=udp",
    };

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Signal("CONT");
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_workDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void Signal(string name)
    {
        using var kill = Process.Start("kill", $"-{name} {_process.Id.ToString(CultureInfo.InvariantCulture)}");
        kill?.WaitForExit();
    }
}

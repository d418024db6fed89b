using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Duet.Testing.Processes;

/// <summary>
/// Debian's coturn started for one test on 127.0.0.1 with the TURN REST shared secret, so the server's
/// ephemeral credentials are checked by the real thing. <see cref="Pause"/>/<see cref="Resume"/> freeze
/// it (SIGSTOP/SIGCONT) to cut a relayed media path.
/// </summary>
public sealed class CoturnProcess : IAsyncDisposable
{
    public const string Realm = "duet.test";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private CoturnProcess(Process process, int port, string secret)
    {
        _process = process;
        Port = port;
        Secret = secret;
    }

    public int Port { get; }

    public string Secret { get; }

    public string Output => string.Join('\n', _output);

    public static async Task<CoturnProcess> StartAsync(string secret = "duet-turn-test-secret")
    {
        var port = FreeUdpPort();
        var minPort = 40000 + Random.Shared.Next(0, 200) * 100;
        var psi = new ProcessStartInfo("turnserver") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[]
        {
            "-n", "--listening-ip=127.0.0.1", "--relay-ip=127.0.0.1", $"--listening-port={port}", "--use-auth-secret",
            $"--static-auth-secret={secret}", $"--realm={Realm}", "--no-tls", "--no-dtls", "--fingerprint",
            $"--min-port={minPort}", $"--max-port={minPort + 99}", "--allow-loopback-peers", "--no-cli", "--log-file=stdout",
            $"--db={DbPath(port)}",
        })
        {
            psi.ArgumentList.Add(arg);
        }

        var process = Process.Start(psi) ?? throw new InvalidOperationException("turnserver did not start (apt-get install coturn)");
        var coturn = new CoturnProcess(process, port, secret);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) coturn._output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) coturn._output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // coturn listens on TCP and UDP on the same port; the TCP listener answering means it is ready.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"turnserver exited with {process.ExitCode}:\n{coturn.Output}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return coturn;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        await coturn.DisposeAsync();
        throw new TimeoutException("turnserver did not listen within 10 s");
    }

    public void Pause() => Signal("STOP");

    public void Resume() => Signal("CONT");

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Signal("CONT");
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        File.Delete(DbPath(Port));
    }

    /// <summary>coturn insists on a user database even with a shared secret; keep it out of /var/lib/turn.</summary>
    private static string DbPath(int port) => Path.Combine(Path.GetTempPath(), $"duet-turndb-{port}.sqlite");

    private void Signal(string name)
    {
        using var kill = Process.Start("kill", $"-{name} {_process.Id}");
        kill.WaitForExit();
    }

    private static int FreeUdpPort()
    {
        using var socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.Client.LocalEndPoint!).Port;
    }
}

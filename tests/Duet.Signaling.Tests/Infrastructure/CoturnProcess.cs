using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Duet.Testing;

namespace Duet.Signaling.Tests.Infrastructure;

/// <summary>A real coturn (<c>turnserver</c>, installed by ./test.sh) on loopback with <c>use-auth-secret</c>.</summary>
public sealed class CoturnProcess : IAsyncDisposable
{
    public const string Realm = "duet.test";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private CoturnProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string Output => string.Join('\n', _output);

    public static CoturnProcess Start(string secret)
    {
        var port = FreePort.Next();
        var relayBase = 40000 + (port % 20000);
        var psi = new ProcessStartInfo("turnserver") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[]
                 {
                     "-n", "--listening-ip=127.0.0.1", "--relay-ip=127.0.0.1", $"--listening-port={port}", "--use-auth-secret",
                     $"--static-auth-secret={secret}", $"--realm={Realm}", "--no-tls", "--no-dtls", "--fingerprint",
                     $"--min-port={relayBase}", $"--max-port={relayBase + 50}", "--allow-loopback-peers", "--no-cli", "--log-file=stdout",
                 })
        {
            psi.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(psi) ?? throw new InvalidOperationException("turnserver did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("turnserver (coturn) is missing: run ./test.sh as root or apt-get install coturn.", e);
        }

        var coturn = new CoturnProcess(process, port);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) coturn._output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) coturn._output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return coturn;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"coturn on 127.0.0.1:{Port}");
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Duet.Testing;

/// <summary>
/// The real Duet server, started from its build output as a child process on a loopback port, with a
/// temporary data directory and a seeded project with known credentials. Restartable (same port, same data).
/// </summary>
public sealed class DuetServerProcess : IAsyncDisposable
{
    public const int ApiKey = 47000001;
    public const string ApiSecret = "0123456789abcdef0123456789abcdef01234567";

    private readonly Dictionary<string, string> _settings;
    private readonly IReadOnlyList<string> _args;
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    private DuetServerProcess(int port, string dataDir, Dictionary<string, string> settings, IReadOnlyList<string> args)
    {
        Port = port;
        DataDir = dataDir;
        _settings = settings;
        _args = args;
    }

    public int Port { get; }

    public string DataDir { get; }

    public Uri BaseUri => new($"http://127.0.0.1:{Port}");

    /// <summary>The server process's resident memory now (benchmarks print it); 0 when it is not running.</summary>
    public long WorkingSetBytes
    {
        get
        {
            if (_process is not { HasExited: false } process)
            {
                return 0;
            }

            process.Refresh();
            return process.WorkingSet64;
        }
    }

    /// <summary>Everything the server printed (stdout and stderr), for assertions and failure messages.</summary>
    public string Output => string.Join('\n', _output);

    /// <param name="settings">Extra configuration as <c>Duet:Section:Key</c> = value (passed as environment variables).</param>
    /// <param name="dataDir">Reuse a data directory (restart tests); a fresh temporary one by default.</param>
    /// <param name="args">Extra command-line arguments, after <c>--urls</c>.</param>
    public static async Task<DuetServerProcess> StartAsync(IReadOnlyDictionary<string, string>? settings = null, string? dataDir = null, int? port = null,
        IReadOnlyList<string>? args = null)
    {
        var all = new Dictionary<string, string>
        {
            ["Duet:Project:ApiKey"] = ApiKey.ToString(CultureInfo.InvariantCulture),
            ["Duet:Project:ApiSecret"] = ApiSecret,
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string>())
        {
            all[k] = v;
        }

        var ownDataDir = dataDir is null;
        dataDir ??= Directory.CreateTempSubdirectory("duet-test-").FullName;
        var server = new DuetServerProcess(port ?? FreePort.Next(), dataDir, all, args ?? []);
        try
        {
            await server.StartProcessAsync();
        }
        catch
        {
            // The caller never gets the object to dispose: leave no process (nor temporary directory) behind.
            await server.StopAsync();
            if (ownDataDir)
            {
                TryDelete(dataDir);
            }

            throw;
        }

        return server;
    }

    public async Task RestartAsync()
    {
        await StopAsync();
        await StartProcessAsync();
    }

    /// <summary>Kills the process at once (no graceful shutdown), as a crash would.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        TryDelete(DataDir);
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task StartProcessAsync()
    {
        if (!File.Exists(RepoPaths.ServerAssembly))
        {
            throw new InvalidOperationException($"{RepoPaths.ServerAssembly} is missing: build the solution first.");
        }

        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(RepoPaths.ServerAssembly)!,
        };
        psi.ArgumentList.Add(RepoPaths.ServerAssembly);
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add($"http://127.0.0.1:{Port}");
        foreach (var arg in _args)
        {
            psi.ArgumentList.Add(arg);
        }

        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["Duet__DataDir"] = DataDir;
        foreach (var (key, value) in _settings)
        {
            psi.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(psi) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        using var http = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                // Without a timeout, WaitForExit also waits for the redirected output to be read to its end.
                process.WaitForExit();
                throw new InvalidOperationException($"The server exited with {process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The server did not answer /healthz within 30 s:\n{Output}");
    }
}

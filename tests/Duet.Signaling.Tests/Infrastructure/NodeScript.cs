using System.Diagnostics;
using Duet.Testing;

namespace Duet.Signaling.Tests.Infrastructure;

/// <summary>Runs a script of this project with node, with the official SDKs resolved from tests/js/node_modules.</summary>
internal static class NodeScript
{
    public static async Task<string> RunAsync(string relativePath, params string[] args)
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "Duet.Signaling.Tests", relativePath);
        if (!Directory.Exists(Path.Combine(RepoPaths.TestNodeModules, "opentok")))
        {
            throw new InvalidOperationException($"{RepoPaths.TestNodeModules}/opentok is missing: run ./test.sh (it runs npm ci in tests/js).");
        }

        var psi = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(path);
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        psi.Environment["NODE_PATH"] = RepoPaths.TestNodeModules;
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {relativePath} exited with {process.ExitCode}:\n{await stderr}\n{await stdout}");
        }

        return await stdout;
    }
}

using System.Diagnostics;

namespace Duet.Testing;

/// <summary>Runs a test script with node, with third-party packages (the official OpenTok SDK…) resolved from tests/js/node_modules.</summary>
public static class NodeScript
{
    /// <param name="pathFromTests">The script's path below <c>tests/</c>, e.g. <c>Duet.Server.Tests/Compat/opentok-node.js</c>.</param>
    public static async Task<string> RunAsync(string pathFromTests, params string[] args)
    {
        var path = Path.Combine(RepoPaths.Root, "tests", pathFromTests);
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
            throw new InvalidOperationException($"node {pathFromTests} exited with {process.ExitCode}:\n{await stderr}\n{await stdout}");
        }

        return await stdout;
    }
}

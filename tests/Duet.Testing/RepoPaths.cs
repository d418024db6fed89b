namespace Duet.Testing;

/// <summary>Finds the repository and the build outputs the tests drive.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>"Debug" or "Release": whichever configuration the running test assembly was built in.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string ServerAssembly => Path.Combine(Root, "src", "Duet.Server", "bin", Configuration, "net10.0", "Duet.Server.dll");

    public static string TestNodeModules => Path.Combine(Root, "tests", "js", "node_modules");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Duet.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (Duet.slnx) above " + AppContext.BaseDirectory);
    }
}

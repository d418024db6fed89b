namespace Duet.Cli.CommandLine;

/// <summary>
/// A command line split into the command words (<c>token create</c>) and <c>--name value</c> / <c>--name=value</c>
/// options. Each command says which options it takes; anything else is a usage error, so a typo never passes silently.
/// </summary>
public sealed class ParsedArgs
{
    private readonly Dictionary<string, string?> _options;

    private ParsedArgs(IReadOnlyList<string> words, Dictionary<string, string?> options)
    {
        Words = words;
        _options = options;
    }

    public IReadOnlyList<string> Words { get; }

    public bool WantsHelp => _options.ContainsKey("help");

    /// <param name="flags">Options that take no value (e.g. <c>e2ee</c>).</param>
    public static ParsedArgs Parse(IReadOnlyList<string> args, IReadOnlySet<string> flags)
    {
        var words = new List<string>();
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help")
            {
                options["help"] = null;
                continue;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                if (options.Count > 0)
                {
                    throw CliException.Usage($"Unexpected argument '{arg}'.");
                }

                words.Add(arg);
                continue;
            }

            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? arg[2..] : arg[2..eq];
            string? value;
            if (flags.Contains(name))
            {
                value = eq < 0 ? null : arg[(eq + 1)..];
            }
            else if (eq >= 0)
            {
                value = arg[(eq + 1)..];
            }
            else if (i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                throw CliException.Usage($"--{name} needs a value.");
            }

            if (!options.TryAdd(name, value))
            {
                throw CliException.Usage($"--{name} is given twice.");
            }
        }

        return new ParsedArgs(words, options);
    }

    /// <summary>Refuses options the command does not take.</summary>
    public void Allow(params string[] names)
    {
        foreach (var name in _options.Keys.Where(n => n != "help" && !names.Contains(n)))
        {
            throw CliException.Usage($"Unknown option --{name} for '{string.Join(' ', Words)}'.");
        }
    }

    public string? Get(string name) => _options.TryGetValue(name, out var v) ? v : null;

    public bool Has(string name) => _options.ContainsKey(name);

    public string Require(string name) =>
        Get(name) is { Length: > 0 } value ? value : throw CliException.Usage($"--{name} is required.");
}

using System.Globalization;

namespace Newsroom.Bench;

/// <summary>"--name value" pairs and bare flags after the command words; unknown options are refused.</summary>
internal sealed class BenchArguments
{
    private readonly Dictionary<string, string?> options = new(StringComparer.Ordinal);
    private readonly HashSet<string> read = new(StringComparer.Ordinal);

    public BenchArguments(IReadOnlyList<string> args)
    {
        var words = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                words.Add(arg);
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                options[arg[2..equals]] = arg[(equals + 1)..];
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                options[arg[2..]] = args[++i];
            }
            else
            {
                options[arg[2..]] = null;
            }
        }

        Words = words;
    }

    public IReadOnlyList<string> Words { get; }

    public string? String(string name)
    {
        read.Add(name);
        return options.GetValueOrDefault(name);
    }

    public bool Flag(string name)
    {
        read.Add(name);
        return options.ContainsKey(name);
    }

    public int Int(string name, int fallback)
    {
        var text = String(name);
        if (text is null)
        {
            return fallback;
        }

        // 100k, 1M: the way people say corpus sizes.
        var multiplier = 1;
        if (text.EndsWith('k') || text.EndsWith('K'))
        {
            multiplier = 1_000;
            text = text[..^1];
        }
        else if (text.EndsWith('M'))
        {
            multiplier = 1_000_000;
            text = text[..^1];
        }

        return int.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? checked(value * multiplier)
            : throw new UsageException($"--{name} expects a whole number, not '{String(name)}'.");
    }

    /// <summary>Refuses options nobody asked for, so a typo ("--artciles") is not silently ignored.</summary>
    public void EnsureAllRead()
    {
        var unknown = options.Keys.Where(k => !read.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException("Unknown option(s): " + string.Join(", ", unknown.Select(k => "--" + k)));
        }
    }
}

internal sealed class UsageException(string message) : Exception(message);

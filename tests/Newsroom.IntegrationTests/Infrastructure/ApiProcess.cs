using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Newsroom.IntegrationTests.Infrastructure;

/// <summary>
/// The real API process in Production on Kestrel, over a database of the test cluster: what a deployment serves,
/// headers Kestrel adds included (the TestServer is not Kestrel). Used as a class fixture; subclasses add settings.
/// </summary>
public partial class ApiProcess : IAsyncLifetime
{
    public const string PublicBaseUrl = "https://www.exemple-mobile.fr";
    public const string SigningKey = "production-tests-signing-key-of-more-than-256-bits";

    private readonly List<string> _output = [];
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "newsroom-prod-test-" + Guid.NewGuid().ToString("N"));
    private Process? _process;

    /// <summary>Where the process listens (an ephemeral port on loopback).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Everything the process wrote on its standard output so far.</summary>
    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToList();
            }
        }
    }

    /// <summary>Settings (environment variables) over the production defaults below.</summary>
    protected virtual IDictionary<string, string> Settings => new Dictionary<string, string>();

    /// <summary>A client that names the public site's host, as requests through the site's proxy do.</summary>
    public HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Host = new Uri(PublicBaseUrl).Host;
        return client;
    }

    public async Task InitializeAsync()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Newsroom.Api.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ConnectionStrings__Newsroom"] = await TestCluster.CreateDatabaseAsync();
        start.Environment["Newsroom__DataDirectory"] = _dataDirectory;
        start.Environment["Newsroom__Jwt__SigningKey"] = SigningKey;
        start.Environment["Newsroom__Bootstrap__AdminEmail"] = NewsroomApiFactory.AdminEmail;
        start.Environment["Newsroom__Bootstrap__AdminPassword"] = NewsroomApiFactory.AdminPassword;
        start.Environment["Newsroom__Site__PublicBaseUrl"] = PublicBaseUrl;
        foreach (var (key, value) in Settings)
        {
            start.Environment[key] = value;
        }

        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is null)
            {
                return;
            }

            lock (_output)
            {
                _output.Add(line.Data);
            }

            if (ListeningLine().Match(line.Data) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups["address"].Value));
            }
        };
        var errors = new List<string>();
        _process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                lock (errors)
                {
                    errors.Add(line.Data);
                }
            }
        };
        _process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The API exited before listening: " + string.Join('\n', errors)));
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        BaseAddress = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    [GeneratedRegex(@"Newsroom API listening on (?<address>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}

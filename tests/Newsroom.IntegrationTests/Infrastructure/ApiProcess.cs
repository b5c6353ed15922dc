using System.Diagnostics;
using System.Text.RegularExpressions;
using Newsroom.Application.Auth;

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
    private Process? _process;

    /// <summary>The process's <c>Newsroom__DataDirectory</c> (the embedded cluster lives in <c>postgres/</c> there).</summary>
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "newsroom-prod-test-" + Guid.NewGuid().ToString("N"));

    /// <summary>The API process's id, once started.</summary>
    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("Not started.");

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

    /// <summary>The connection string of the process's database, once started.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>The database the process uses: by default a fresh one of the test cluster; several processes may share one.</summary>
    protected virtual Task<string> DatabaseAsync() => TestCluster.CreateDatabaseAsync();

    /// <summary>Settings (environment variables) over the production defaults below.</summary>
    protected virtual IDictionary<string, string> Settings => new Dictionary<string, string>();

    /// <summary>A client that names the public site's host, as requests through the site's proxy do.</summary>
    public HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Host = new Uri(PublicBaseUrl).Host;
        return client;
    }

    /// <summary>A client signed in as the bootstrap administrator.</summary>
    public async Task<HttpClient> CreateAdminClientAsync()
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = NewsroomApiFactory.AdminEmail, password = NewsroomApiFactory.AdminPassword });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<AccessTokenResponse>();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    /// <summary>
    /// Sends SIGTERM, as an orchestrator stopping the container does (<see cref="Process.Kill()"/> is SIGKILL), and
    /// waits for the exit: its exit code, or null when it did not exit within <paramref name="timeout"/>.
    /// </summary>
    public async Task<int?> TerminateAsync(TimeSpan timeout)
    {
        var process = _process ?? throw new InvalidOperationException("Not started.");
        if (!process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
            return process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public async Task InitializeAsync()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Newsroom.Api.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        ConnectionString = await DatabaseAsync();
        start.Environment["ConnectionStrings__Newsroom"] = ConnectionString;
        start.Environment["Newsroom__DataDirectory"] = DataDirectory;
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
        // Stopped as in production first, so that an embedded cluster is stopped with it rather than orphaned.
        if (_process is { HasExited: false } && await TerminateAsync(TimeSpan.FromSeconds(60)) is null)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }

    [GeneratedRegex(@"Newsroom API listening on (?<address>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}

using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Newsroom.IntegrationTests.Infrastructure;

/// <summary>
/// A real <c>varnishd</c> (Debian's, with varnish-modules) running the shipped deploy/varnish/newsroom.vcl, as a child
/// process in the foreground on a free loopback port, with its work directory in temp. The backends and the purge ACL
/// are written beside a copy of the VCL as the <c>backends.vcl</c> it includes, as a deployment does. Started as root,
/// varnishd drops privileges itself (its unix jail: the <c>varnish</c> and <c>vcache</c> users of the package).
/// The port is chosen at construction, so an API can be told where to purge before Varnish runs.
/// </summary>
public sealed class VarnishServer : IAsyncDisposable
{
    /// <summary>The shipped VCL, copied beside the tests by the project file.</summary>
    public static string ShippedVcl => Path.Combine(AppContext.BaseDirectory, "Varnish", "newsroom.vcl");

    private readonly bool _purgesFromLoopback;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "newsroom-varnish-" + Guid.NewGuid().ToString("N"));
    private readonly List<string> _output = [];
    private Process? _process;

    /// <param name="purgesFromLoopback">
    /// Whether the ACL lets loopback (the tests, the API processes) purge; false makes an instance that refuses them.
    /// </param>
    public VarnishServer(bool purgesFromLoopback = true)
    {
        _purgesFromLoopback = purgesFromLoopback;
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
    }

    public Uri BaseAddress { get; }

    /// <summary>Writes the backends (each probed on <c>/health/ready</c>, taken in turn) and starts varnishd; returns once it answers.</summary>
    public async Task StartAsync(params Uri[] backends)
    {
        ArgumentOutOfRangeException.ThrowIfZero(backends.Length);
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException("Already running.");
        }

        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("varnishd runs on Linux here.");
        }

        // Readable by the users varnishd drops to, whatever the umask.
        Directory.CreateDirectory(_directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        File.Copy(ShippedVcl, Path.Combine(_directory, "newsroom.vcl"), overwrite: true);
        await File.WriteAllTextAsync(Path.Combine(_directory, "backends.vcl"), BackendsVcl(backends));

        var start = new ProcessStartInfo("varnishd") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = "/" };
        foreach (var argument in new[]
        {
            "-F", "-a", $"127.0.0.1:{BaseAddress.Port}", "-T", "none", "-n", Path.Combine(_directory, "work"),
            "-f", Path.Combine(_directory, "newsroom.vcl"), "-s", "malloc,32m", "-p", "vsl_space=8M",
        })
        {
            start.ArgumentList.Add(argument);
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilAnsweringAsync();
    }

    /// <summary>Stops varnishd (SIGTERM, as its service does); its cache goes with it. It can be started again.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
        _process = null;
    }

    /// <summary>A client of the cache; <paramref name="host"/> is the Host its requests name (the API only answers its public host).</summary>
    public HttpClient CreateClient(string? host = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (host is not null)
        {
            client.DefaultRequestHeaders.Host = host;
        }

        return client;
    }

    /// <summary>What the API's purger sends: <c>PURGE /</c> with <c>xkey-purge: <paramref name="keys"/></c>.</summary>
    public async Task<HttpResponseMessage> PurgeAsync(string keys)
    {
        using var client = CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod("PURGE"), "/");
        request.Headers.TryAddWithoutValidation("xkey-purge", keys);
        return await client.SendAsync(request);
    }

    /// <summary>The <c>xkey-purge</c> header of every PURGE this instance has answered since it started (read from its log with varnishncsa).</summary>
    public async Task<IReadOnlyList<string>> PurgesReceivedAsync()
    {
        var start = new ProcessStartInfo("varnishncsa") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = "/" };
        foreach (var argument in new[] { "-d", "-n", Path.Combine(_directory, "work"), "-q", "ReqMethod eq \"PURGE\" and ReqHeader:xkey-purge", "-F", "%{xkey-purge}i" })
        {
            start.ArgumentList.Add(argument);
        }

        using var ncsa = Process.Start(start)!;
        var lines = await ncsa.StandardOutput.ReadToEndAsync();
        var errors = await ncsa.StandardError.ReadToEndAsync();
        await ncsa.WaitForExitAsync();
        if (ncsa.ExitCode != 0)
        {
            throw new InvalidOperationException($"varnishncsa failed ({ncsa.ExitCode}): {errors}");
        }

        return lines.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private string BackendsVcl(Uri[] backends)
    {
        var vcl = new StringBuilder();
        // Quick to notice a backend back or gone, healthy from the start so the first requests need not wait for a probe.
        vcl.AppendLine("probe newsroom_ready { .url = \"/health/ready\"; .interval = 1s; .timeout = 2s; .window = 2; .threshold = 1; .initial = 1; }");
        for (var i = 0; i < backends.Length; i++)
        {
            vcl.AppendLine(CultureInfo.InvariantCulture, $"backend api{i} {{ .host = \"{backends[i].Host}\"; .port = \"{backends[i].Port}\"; .probe = newsroom_ready; }}");
        }

        vcl.AppendLine("sub vcl_init { new api = directors.round_robin();");
        for (var i = 0; i < backends.Length; i++)
        {
            vcl.AppendLine(CultureInfo.InvariantCulture, $"  api.add_backend(api{i});");
        }

        vcl.AppendLine("}");
        // TEST-NET-1 (RFC 5737) is nobody: the refusing instance has an ACL, just not one loopback is in.
        vcl.AppendLine(_purgesFromLoopback ? "acl purgers { \"127.0.0.1\"; \"::1\"; }" : "acl purgers { \"192.0.2.0\"/24; }");
        return vcl.ToString();
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var client = CreateClient();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException("varnishd exited: " + string.Join('\n', Output()));
            }

            try
            {
                // Any answer will do (a PURGE without keys is a 400 or a 403): varnishd accepts and runs the VCL.
                using var request = new HttpRequestMessage(new HttpMethod("PURGE"), "/");
                using var response = await client.SendAsync(request);
                return;
            }
            catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(50);
            }
        }
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.Add(line);
            }
        }
    }

    private List<string> Output()
    {
        lock (_output)
        {
            return _output.ToList();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

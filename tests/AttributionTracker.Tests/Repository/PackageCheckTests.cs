using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AttributionTracker.Tests.Repository;

/// <summary>
/// tests/check-packages.sh, which the test command runs over the solution, against a local advisory source: it fails
/// on a vulnerable package, passes a clean one, and says it could not check when the source has no advisories.
/// </summary>
public sealed class PackageCheckTests
{
    private const string NewtonsoftAdvisory = """{"newtonsoft.json":[{"severity":2,"url":"https://github.com/advisories/GHSA-5crp-9r3c-p9vr","versions":"(, 13.0.1)"}]}""";

    [Fact]
    public async Task A_package_with_a_known_vulnerability_fails_the_check_and_is_named()
    {
        using var source = AdvisorySource.Start(NewtonsoftAdvisory);
        using var folder = ProjectFolder.Create(source.IndexUrl, "12.0.1");

        var (exit, output) = await RunCheckAsync(folder.Project);

        Assert.Equal(1, exit);
        Assert.Contains("id:Newtonsoft.Json resolvedVersion:12.0.1 severity:High", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_without_vulnerable_packages_passes()
    {
        using var source = AdvisorySource.Start(NewtonsoftAdvisory);
        using var folder = ProjectFolder.Create(source.IndexUrl, "13.0.4");

        var (exit, output) = await RunCheckAsync(folder.Project);

        Assert.Equal(0, exit);
        Assert.Contains("no known-vulnerable packages", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sources_without_advisories_are_reported_as_an_unchecked_run_not_as_clean()
    {
        using var source = AdvisorySource.Start("{}");
        using var folder = ProjectFolder.Create(source.IndexUrl, "12.0.1");

        var (exit, output) = await RunCheckAsync(folder.Project);

        Assert.Equal(3, exit);
        Assert.Contains("publish no vulnerability data", output, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output)> RunCheckAsync(string project)
    {
        var start = new ProcessStartInfo("bash", [RepositoryFiles.Path("tests", "check-packages.sh"), project, project + ".report.json"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await errors);
    }

    /// <summary>A NuGet source that offers only vulnerability data (the VulnerabilityInfo resource), on loopback.</summary>
    private sealed class AdvisorySource : IDisposable
    {
        private readonly HttpListener listener = new();
        private readonly Dictionary<string, string> files;

        private AdvisorySource(int port, string advisories)
        {
            var root = $"http://127.0.0.1:{port}";
            IndexUrl = $"{root}/v3/index.json";
            files = new()
            {
                ["/v3/index.json"] = $$"""{"version":"3.0.0","resources":[{"@id":"{{root}}/vulnerabilities/index.json","@type":"VulnerabilityInfo/6.7.0"}]}""",
                ["/vulnerabilities/index.json"] = $$"""[{"@name":"base","@id":"{{root}}/vulnerabilities/base.json","@updated":"2026-11-01T00:00:00Z"},{"@name":"update","@id":"{{root}}/vulnerabilities/update.json","@updated":"2026-11-01T00:00:00Z"}]""",
                ["/vulnerabilities/base.json"] = advisories,
                ["/vulnerabilities/update.json"] = "{}",
            };
            listener.Prefixes.Add(root + "/");
            listener.Start();
            _ = ServeAsync();
        }

        public string IndexUrl { get; }

        public static AdvisorySource Start(string advisories)
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return new AdvisorySource(port, advisories);
        }

        public void Dispose() => listener.Close();

        private async Task ServeAsync()
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                var found = files.TryGetValue(context.Request.Url!.AbsolutePath, out var body);
                context.Response.StatusCode = found ? 200 : 404;
                context.Response.ContentType = "application/json";
                var bytes = Encoding.UTF8.GetBytes(body ?? "");
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        }
    }

    /// <summary>A one-package project whose nuget.config reads advisories from the local source (and packages as usual).</summary>
    private sealed class ProjectFolder : IDisposable
    {
        private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("package-check-");

        public string Project => System.IO.Path.Combine(folder.FullName, "app.csproj");

        public static ProjectFolder Create(string advisoryIndex, string newtonsoftVersion)
        {
            var created = new ProjectFolder();
            File.WriteAllText(System.IO.Path.Combine(created.folder.FullName, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <auditSources>
                    <clear />
                    <add key="local-advisories" value="{advisoryIndex}" allowInsecureConnections="true" />
                  </auditSources>
                </configuration>
                """);
            File.WriteAllText(created.Project, $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Newtonsoft.Json" Version="{newtonsoftVersion}" />
                  </ItemGroup>
                </Project>
                """);
            return created;
        }

        public void Dispose() => folder.Delete(recursive: true);
    }
}

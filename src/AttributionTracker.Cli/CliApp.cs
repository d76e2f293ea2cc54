using AttributionTracker.Cli.Commands;
using AttributionTracker.Cli.Commands.Dump;
using AttributionTracker.Cli.Commands.Users;
using AttributionTracker.Cli.Infrastructure;
using AttributionTracker.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AttributionTracker.Cli;

/// <summary>The <c>attribution</c> command line: the same core as the web app, over the same store.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, IAnsiConsole? console = null, StandardInput? input = null)
    {
        console ??= DefaultConsole();
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging
            .AddConfiguration(configuration.GetSection("Logging"))
            .AddSimpleConsole(o => o.SingleLine = true)
            .SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<StoreFactory>();
        services.AddTransient<FileImport>();
        services.AddSingleton(input ?? StandardInput.Console);

        var app = new CommandApp(new TypeRegistrar(services));
        app.Configure(config =>
        {
            config.SetApplicationName("attribution");
            config.ConfigureConsole(console);
            config.SetExceptionHandler((e, _) => StoreErrors.Report(e, console));

            config.AddCommand<InitCommand>("init")
                .WithDescription("Create or upgrade the store (migrations) and load the reference data and seed articles that are new or changed.");
            config.AddCommand<ExtractCommand>("extract")
                .WithDescription("Print as JSON the actors, parties, incidents, attributions and denials found in an article; writes nothing.")
                .WithExample("extract", "seeds/000_040f3916e77781f6.txt", "--date", "2021-07-19");
            config.AddCommand<ImportCommand>("import")
                .WithDescription("Import article files or folders into the store (each article once, in one transaction).")
                .WithExample("import", "seeds/");
            config.AddCommand<BenchCommand>("bench")
                .WithDescription("Time the extractor on one thread over ~4 KB articles: articles/second, mean and p99 per article, peak memory, time per stage.")
                .WithExample("bench", "tests/corpus", "--seconds", "20");
            config.AddBranch("galaxy", galaxy =>
            {
                galaxy.SetDescription("MISP threat-actor galaxy files.");
                galaxy.AddCommand<GalaxyImportCommand>("import")
                    .WithDescription("Load or update actors from a MISP galaxy cluster file (matched by uuid: updated, never duplicated).")
                    .WithExample("galaxy", "import", "threat-actor.json");
                galaxy.AddCommand<GalaxyExportCommand>("export")
                    .WithDescription("Write the store's actors as a MISP threat-actor galaxy file (aliases, MITRE ids, sponsor states, references; stable uuids).")
                    .WithExample("galaxy", "export", "--output", "threat-actor.json");
            });
            config.AddBranch("csv", csv =>
            {
                csv.SetDescription("Spreadsheets: the incident list and statements as CSV, and statements back in.");
                csv.AddCommand<CsvExportCommand>("export")
                    .WithDescription("Write incidents (the CFR tracker's columns, then ours) or statements as CSV, with the incident list's filters.")
                    .WithExample("csv", "export", "statements", "--accused", "CN", "--output", "statements.csv");
                csv.AddCommand<CsvImportCommand>("import")
                    .WithDescription("Create or update statements from a statements CSV; every row is checked first and nothing is written unless all are good.")
                    .WithExample("csv", "import", "statements", "statements.csv");
            });
            config.AddCommand<DumpCommand>("dump")
                .WithDescription("Write the whole store (history, redirects, accounts without passwords) as JSON, to standard output or --output.")
                .WithExample("dump", "--output", "attribution.dump.json");
            config.AddCommand<RestoreCommand>("restore")
                .WithDescription("Fill a new, empty store from a dump, ids and history as they were; refuses a store that holds anything.")
                .WithExample("restore", "attribution.dump.json", "--data-folder", "/srv/attribution-new");
            config.AddCommand<BackupCommand>("backup")
                .WithDescription("Copy the SQLite store while it is in use (SQLite online backup); refuses to replace a file without --force.")
                .WithExample("backup", "--output", "attribution-backup.db");
            config.AddBranch("stix", stix =>
            {
                stix.SetDescription("STIX 2.1 bundles for OpenCTI and other threat-intelligence tools.");
                stix.AddCommand<Commands.Stix.StixExportCommand>("export")
                    .WithDescription("Write the store, or one incident or actor with everything around it, as a STIX 2.1 bundle (standard output by default).")
                    .WithExample("stix", "export", "--incident", "exchange", "--output", "exchange.stix.json");
                stix.AddCommand<Commands.Stix.StixImportCommand>("import")
                    .WithDescription("Import a STIX 2.1 bundle in one transaction: creates or merges actors, parties, incidents, sources and statements; lists every problem and writes nothing if any.")
                    .WithExample("stix", "import", "bundle.json");
            });
            config.AddBranch("users", users =>
            {
                users.SetDescription("Editor and admin accounts of the web app (readers need none).");
                users.AddCommand<UsersAddCommand>("add")
                    .WithDescription("Add an account; its password is read from standard input (one line), never from an argument.")
                    .WithExample("users", "add", "--email", "ana@example.org", "--role", "admin", "--name", "Ana Ruiz");
                users.AddCommand<UsersListCommand>("list")
                    .WithDescription("List the accounts: e-mail, name, roles, and whether each is locked.");
                users.AddCommand<UsersSetRoleCommand>("set-role")
                    .WithDescription("Give an account the editor or the admin role (in place of the one it had).")
                    .WithExample("users", "set-role", "--email", "ana@example.org", "--role", "editor");
                users.AddCommand<UsersUnlockCommand>("unlock")
                    .WithDescription("Unlock an account locked by an admin or by too many failed sign-ins.")
                    .WithExample("users", "unlock", "--email", "ana@example.org");
                users.AddCommand<UsersSetPasswordCommand>("set-password")
                    .WithDescription("Set an account's password, read from standard input (one line): how accounts restored from a dump get one.")
                    .WithExample("users", "set-password", "--email", "ana@example.org");
            });
        });
        return await app.RunAsync(args);
    }

    /// <summary>
    /// The terminal as Spectre sees it, except that output sent to a file or a pipe is not wrapped at 80 columns:
    /// messages stay one line each, as scripts expect.
    /// </summary>
    private static IAnsiConsole DefaultConsole()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings());
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = 4096;
        }

        return console;
    }
}

using System.ComponentModel;
using Spectre.Console.Cli;

namespace AttributionTracker.Cli.Infrastructure;

/// <summary>Options every store command takes; without them the "Database" configuration (appsettings, environment) applies.</summary>
public class StoreSettings : CommandSettings
{
    [CommandOption("--data-folder <FOLDER>")]
    [Description("Folder of the SQLite store (default: Database:DataFolder, else ~/.local/share/AttributionTracker).")]
    public string? DataFolder { get; init; }

    [CommandOption("--connection <CONNECTION_STRING>")]
    [Description("A full connection string instead of the data folder.")]
    public string? ConnectionString { get; init; }
}

using AttributionTracker.Cli;

return await CliApp.RunAsync(args);

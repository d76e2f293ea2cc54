namespace AttributionTracker.Cli.Infrastructure;

/// <summary>
/// Where secrets are read from: standard input, never an argument (arguments show in <c>ps</c> and shell history).
/// <paramref name="IsTerminal"/> says whether a person is typing, who is then prompted without echo.
/// </summary>
public sealed record StandardInput(TextReader Reader, bool IsTerminal)
{
    public static StandardInput Console { get; } = new(System.Console.In, !System.Console.IsInputRedirected);
}

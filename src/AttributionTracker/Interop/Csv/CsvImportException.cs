namespace AttributionTracker.Interop.Csv;

/// <summary>A CSV file that cannot be imported, with every problem found ("row 3, column kind: …").</summary>
public sealed class CsvImportException(string fileName, IReadOnlyList<string> problems)
    : RefusedInputException($"{fileName}: nothing imported: {string.Join("; ", problems.Take(20))}{(problems.Count > 20 ? $" (and {problems.Count - 20} more)" : "")}")
{
    public IReadOnlyList<string> Problems { get; } = problems;

    public override string Refusal => "not a statements CSV that can be imported";

    public override IReadOnlyList<string> ProblemLines => Problems;
}

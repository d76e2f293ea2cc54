namespace AttributionTracker.Tests.Import.Fuzz;

/// <summary>Random bytes in any encoding, with or without a BOM, cut anywhere: read or refused, never a crash.</summary>
public sealed class ReaderFuzzTests
{
    [Fact]
    public void Random_bytes_are_read_or_refused_with_the_documented_error()
    {
        FuzzRun.Check(RandomBytes.File, 100, file =>
        {
            if (ArticlePipeline.ReadAndExtract(file.Bytes, file.Name) is var (article, x))
            {
                ExtractionInvariants.Hold(article.Text, x);
            }
        });
    }
}

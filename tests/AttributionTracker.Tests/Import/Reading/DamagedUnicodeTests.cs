using System.Text;
using AttributionTracker.Import;
using AttributionTracker.Import.Reading;

namespace AttributionTracker.Tests.Import.Reading;

/// <summary>
/// Found by the fuzz tests (ReaderFuzzTests, random bytes after a UTF-16 BOM): characters Unicode normalisation
/// refuses — an unpaired surrogate, U+FFFE — made the reader throw ArgumentException instead of reading the article
/// or refusing it. They now read as U+FFFD, the replacement character, like any other undecodable bytes.
/// </summary>
public sealed class DamagedUnicodeTests
{
    [Fact]
    public void A_UTF16_file_with_an_unpaired_surrogate_is_read_with_a_replacement_character()
    {
        var text = Samples.Spanish();
        var cut = text.IndexOf(' ', StringComparison.Ordinal);

        // A high surrogate with no low one after it (0xD83D then a space): what a UTF-16 file cut mid-emoji holds.
        byte[] bytes = [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text[..cut]), 0xD8, 0x3D, .. Encoding.BigEndianUnicode.GetBytes(text[cut..])];

        var article = ArticleReader.Read(bytes, "cut-emoji.txt");

        Assert.Equal(text[..cut] + "\uFFFD" + text[cut..], article.Text);
        Assert.Equal("es", article.Language);
        Assert.Empty(ExtractionCheck.Problems(article.Text, Extractor.Extract(article.Text, article.Language)));
    }

    [Fact]
    public void A_UTF16_file_holding_U_FFFE_is_read_with_a_replacement_character()
    {
        var text = Samples.Spanish();
        byte[] bytes = [0xFF, 0xFE, 0xFE, 0xFF, .. Encoding.Unicode.GetBytes(text)];

        var article = ArticleReader.Read(bytes, "noncharacter.txt");

        Assert.Equal("\uFFFD" + text, article.Text);
    }

    [Fact]
    public void An_HTML_page_with_a_noncharacter_reference_in_its_title_and_text_is_read()
    {
        var html = $"<html><head><title>Ataque &#xFFFE; atribuido</title></head><body><article><p>&#xFFFE;{Samples.Spanish()}</p></article></body></html>";

        var article = ArticleReader.Read(Encoding.UTF8.GetBytes(html), "page.html");

        Assert.Equal("Ataque \uFFFD atribuido", article.Title);
        Assert.StartsWith("\uFFFD", article.Text, StringComparison.Ordinal);
    }
}

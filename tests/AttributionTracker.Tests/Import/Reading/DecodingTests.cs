using System.Diagnostics;
using System.Text;
using AttributionTracker.Import.Reading;

namespace AttributionTracker.Tests.Import.Reading;

public sealed class DecodingTests : IDisposable
{
    private const string RaabQuote =
        "Dominic Raab pidió a Pekín que “ponga fin a este ciberabotaje sistemático” y dijo que “puede esperar que se le pida "
        + "cuentas si no lo hace”, ya que el Reino Unido intensifica las quejas sobre la piratería china.";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Utf8_with_and_without_a_BOM_reads_the_same()
    {
        var text = Samples.Spanish();
        var bytes = Encoding.UTF8.GetBytes(text);

        var plain = ArticleReader.Read(bytes, "seed.txt");
        var withBom = ArticleReader.Read([.. Encoding.UTF8.Preamble, .. bytes], "seed.txt");

        Assert.Equal(plain, withBom);
        Assert.Equal(text, plain.Text);
        Assert.DoesNotContain('\uFEFF', withBom.Text);
    }

    [Fact]
    public void A_Windows_1252_file_keeps_its_accents_and_curly_quotes()
    {
        // 0x93 and 0x94 are “ and ” in Windows-1252 and control codes in Latin-1; í is 0xED in both.
        var bytes = Windows1252(RaabQuote);
        Assert.Contains((byte)0x93, bytes);

        var article = ArticleReader.Read(bytes, "raab.txt");

        Assert.Equal(RaabQuote, article.Text);
        Assert.Contains("Pekín", article.Text);
        Assert.Equal("es", article.Language);
    }

    [Fact]
    public void A_Latin_1_Spanish_file_is_read()
    {
        var text = "El Gobierno de España pidió explicaciones a Rusia después del ataque, según informó el ministerio, "
            + "y añadió que la investigación sigue abierta por el daño causado a los sistemas de la compañía.";

        var article = ArticleReader.Read(Encoding.Latin1.GetBytes(text), "latin1.txt");

        Assert.Equal(text, article.Text);
        Assert.Equal("es", article.Language);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void UTF_16_with_a_BOM_is_read(bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        var text = Samples.Spanish();

        var article = ArticleReader.Read([.. encoding.Preamble, .. encoding.GetBytes(text)], "utf16.txt");

        Assert.Equal(text, article.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n\t\n  ")]
    [InlineData("\uFEFF")]
    public void An_empty_file_is_refused_as_empty(string content)
    {
        var error = Assert.Throws<ArticleReadException>(() => ArticleReader.Read(Encoding.UTF8.GetBytes(content), "empty.txt"));

        Assert.Equal("the file is empty", error.Reason);
        Assert.Equal("empty.txt", error.Name);
        Assert.Equal("empty.txt: the file is empty", error.Message);
    }

    [Fact]
    public void A_PNG_image_is_refused_as_binary()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00];
        var path = _folder.Write("photo.txt", png);

        var error = Assert.Throws<ArticleReadException>(() => ArticleReader.ReadFile(path));

        Assert.Equal("binary file, not a text article", error.Reason);
    }

    [Fact]
    public void Text_full_of_control_characters_is_refused_as_binary()
    {
        var noisy = string.Concat(Enumerable.Repeat("the data\u0001\u0002\u0003\u0004 ", 50));

        var error = Assert.Throws<ArticleReadException>(() => ArticleReader.Read(Encoding.UTF8.GetBytes(noisy), "noisy.txt"));

        Assert.Equal("binary file, not a text article", error.Reason);
    }

    [Fact]
    public void A_20_MB_file_is_refused_quickly_with_its_size()
    {
        var path = Path.Combine(_folder.Path, "huge.txt");
        using (var stream = File.Create(path))
        {
            stream.SetLength(20L * 1024 * 1024);
        }

        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<ArticleReadException>(() => ArticleReader.ReadFile(path));

        Assert.Equal("the file is 20 MB; articles over 5 MB are refused", error.Reason);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Bytes_over_the_limit_are_refused_and_bytes_at_the_limit_are_not()
    {
        var over = new byte[ArticleReader.MaxBytes + 1];

        var error = Assert.Throws<ArticleReadException>(() => ArticleReader.Read(over, "big.txt"));
        Assert.Equal("the file is 5.1 MB; articles over 5 MB are refused", error.Reason);

        var atLimit = Encoding.UTF8.GetBytes(Samples.EnglishOfSize(ArticleReader.MaxBytes));
        Assert.Equal(ArticleReader.MaxBytes, atLimit.Length);
        Assert.Equal("en", ArticleReader.Read(atLimit, "big.txt").Language);
    }

    [Fact]
    public void A_missing_file_is_refused_as_missing()
    {
        var path = Path.Combine(_folder.Path, "nowhere.txt");

        var error = Assert.Throws<ArticleReadException>(() => ArticleReader.ReadFile(path));

        Assert.Equal("no such file", error.Reason);
        Assert.Equal(path, error.Name);
        Assert.IsType<FileNotFoundException>(error.InnerException);
    }

    [Fact]
    public void A_file_in_a_missing_folder_is_refused_as_missing()
    {
        var error = Assert.Throws<ArticleReadException>(() => ArticleReader.ReadFile(Path.Combine(_folder.Path, "no-folder", "a.txt")));

        Assert.Equal("no such file", error.Reason);
    }

    [Fact]
    public void A_directory_is_refused_as_a_directory()
    {
        var error = Assert.Throws<ArticleReadException>(() => ArticleReader.ReadFile(_folder.Path));

        Assert.Equal("is a directory", error.Reason);
    }

    [Fact]
    public void An_empty_path_is_refused_as_no_path()
    {
        var error = Assert.Throws<ArticleReadException>(() => ArticleReader.ReadFile(""));

        Assert.Equal("not a valid file path", error.Reason);
    }

    [Fact]
    public void An_unreadable_file_is_refused_as_permission_denied()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes only.");
            return;
        }

        var path = _folder.Write("secret.txt", Encoding.UTF8.GetBytes(Samples.English()));
        File.SetUnixFileMode(path, UnixFileMode.None);
        try
        {
            using var probe = File.OpenRead(path);
            Assert.Skip("Running with privileges that ignore file modes (root).");
        }
        catch (UnauthorizedAccessException)
        {
        }

        var error = Assert.Throws<ArticleReadException>(() => ArticleReader.ReadFile(path));

        Assert.Equal("permission denied", error.Reason);
    }

    [Fact]
    public void A_file_on_disk_reads_like_its_bytes()
    {
        var bytes = Encoding.UTF8.GetBytes(Samples.English(paragraphs: 5));
        var path = _folder.Write("en.txt", bytes);

        Assert.Equal(ArticleReader.Read(bytes, path), ArticleReader.ReadFile(path));
    }

    private static byte[] Windows1252(string text) =>
        [.. text.Select(c => c switch
        {
            '“' => (byte)0x93,
            '”' => (byte)0x94,
            '‘' => (byte)0x91,
            '’' => (byte)0x92,
            '–' => (byte)0x96,
            '—' => (byte)0x97,
            '€' => (byte)0x80,
            <= 'ÿ' => (byte)c,
            _ => throw new ArgumentException($"'{c}' is not in this test's Windows-1252 table."),
        })];
}

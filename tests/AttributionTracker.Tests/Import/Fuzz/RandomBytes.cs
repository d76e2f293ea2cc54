using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace AttributionTracker.Tests.Import.Fuzz;

/// <summary>A file as the reader gets it: a name (whose extension may settle the format) and bytes.</summary>
internal sealed record RandomFile(string Name, string Recipe, byte[] Bytes)
{
    public override string ToString() => $"{Name}: {Recipe} ({Bytes.Length} bytes: {Convert.ToHexString(Bytes.AsSpan(0, Math.Min(64, Bytes.Length)))}…)";
}

/// <summary>
/// Bytes in every encoding the reader meets or might: BOMs (UTF-8, UTF-16 both ways, UTF-32) in front of text in
/// another encoding, Latin-1, plain random bytes, and text cut at any byte.
/// </summary>
internal static class RandomBytes
{
    private static readonly byte[][] Boms = [[], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0xFF, 0xFE, 0, 0], [0, 0, 0xFE, 0xFF], [0xEF, 0xBB]];

    private static readonly (string Name, Encoding Encoding)[] Encodings =
    [
        ("utf-8", new UTF8Encoding(false)), ("utf-16le", new UnicodeEncoding(false, false)), ("utf-16be", new UnicodeEncoding(true, false)),
        ("utf-32", new UTF32Encoding(false, false)), ("latin-1", Encoding.Latin1),
    ];

    private static readonly string[] Names = ["a.txt", "a.md", "a.markdown", "a.html", "a.htm", "a", "a.pdf", ".txt", "a.TXT"];

    public static Gen<RandomFile> File =>
        from name in Gen.Elements(Names)
        from bom in Gen.Elements(Boms)
        from body in Gen.OneOf(EncodedText, Noise)
        from cut in Gen.Choose(0, 20)
        select Build(name, bom, body, cut);

    private static Gen<(string Recipe, byte[] Bytes)> EncodedText =>
        from text in RandomArticles.Text
        from encoding in Gen.Elements(Encodings)
        select (encoding.Name + " text", encoding.Encoding.GetBytes(text));

    private static Gen<(string Recipe, byte[] Bytes)> Noise =>
        from length in Gen.Choose(0, 4096)
        from bytes in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), length)
        select ("random bytes", bytes);

    // One time in five the file is cut at a random byte, often mid-character.
    private static RandomFile Build(string name, byte[] bom, (string Recipe, byte[] Bytes) body, int cut)
    {
        var bytes = bom.Concat(body.Bytes).ToArray();
        if (cut < 4 && bytes.Length > 0)
        {
            bytes = bytes[..(bytes.Length * cut / 4)];
        }

        return new RandomFile(name, $"BOM {Convert.ToHexString(bom)} + {body.Recipe}{(cut < 4 ? $", cut at {cut}/4" : "")}", bytes);
    }
}

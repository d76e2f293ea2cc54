using AttributionTracker.Data.Dump;
using AttributionTracker.Domain;
using AttributionTracker.Import.Persistence;
using AttributionTracker.Import.Reading;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace AttributionTracker.Tests.Data.Dump;

/// <summary>
/// A store as first start leaves it (reference data, the seed article, history), plus a row in each table first start
/// leaves empty — an editor with a password, a role claim, a login, a token, a merged actor's redirect — and its dump.
/// </summary>
public sealed class SeededStore : IAsyncLifetime
{
    public const string PasswordHash = "AQAAAAIAAYagAAAAEsecret-password-hash";
    public const string SecurityStamp = "SECRETSTAMP0123456789";
    public const string TokenValue = "secret-authenticator-key";

    public TestStore Store { get; private set; } = null!;

    public byte[] Dump { get; private set; } = [];

    public string DumpText => System.Text.Encoding.UTF8.GetString(Dump);

    public async ValueTask InitializeAsync()
    {
        Store = await TestStore.CreateWithReferenceDataAsync();
        await using (var db = Store.NewContext())
        {
            var seed = ArticleReader.ReadFile(RepositoryFiles.SeedArticle, new ArticleReadOptions { PublishedOn = PartialDate.Parse("2021-07-19") });
            await new ArticleImporter(db, NullLogger<ArticleImporter>.Instance).ImportAsync(seed, "seed.txt");
        }

        await using (var db = Store.NewContext())
        {
            db.ChangedBy = "test";
            var role = new IdentityRole(Roles.Editor) { Id = "role-editor", NormalizedName = "EDITOR" };
            var account = new Account
            {
                Id = "account-ana",
                UserName = "ana@example.org",
                NormalizedUserName = "ANA@EXAMPLE.ORG",
                Email = "ana@example.org",
                NormalizedEmail = "ANA@EXAMPLE.ORG",
                DisplayName = "Ana Ruiz",
                PasswordHash = PasswordHash,
                SecurityStamp = SecurityStamp,
                LockoutEnabled = true,
                LockoutEnd = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero),
                AccessFailedCount = 2,
                CreatedAt = new DateTime(2026, 11, 1, 9, 30, 0, DateTimeKind.Utc),
            };
            db.Roles.Add(role);
            db.Users.Add(account);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = account.Id, RoleId = role.Id });
            db.RoleClaims.Add(new IdentityRoleClaim<string> { RoleId = role.Id, ClaimType = "scope", ClaimValue = "edit" });
            db.UserClaims.Add(new IdentityUserClaim<string> { UserId = account.Id, ClaimType = "team", ClaimValue = "desk" });
            db.UserLogins.Add(new IdentityUserLogin<string> { UserId = account.Id, LoginProvider = "Example", ProviderKey = "ana-at-example" });
            db.UserTokens.Add(new IdentityUserToken<string> { UserId = account.Id, LoginProvider = "[AspNetUserStore]", Name = "AuthenticatorKey", Value = TokenValue });
            var hafnium = await db.Actors.SingleAsync(a => a.Name == "HAFNIUM");
            db.SlugRedirects.Add(new SlugRedirect { OldSlug = Slug.Parse("hafnio-old"), ActorId = hafnium.Id, CreatedAt = new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc) });
            await db.SaveChangesAsync();
        }

        Dump = await DumpOfAsync(Store);
    }

    public static async Task<byte[]> DumpOfAsync(TestStore store)
    {
        await using var db = store.NewContext();
        using var output = new MemoryStream();
        await StoreDumper.DumpAsync(db, output);
        return output.ToArray();
    }

    /// <summary>Reads <paramref name="dump"/> and restores it into a new empty store.</summary>
    public static async Task<TestStore> RestoredAsync(byte[] dump)
    {
        var target = await TestStore.CreateAsync();
        await using var db = target.NewContext();
        var (file, problems) = await DumpFile.ReadAsync(new MemoryStream(dump), DumpPlan.For(db), [.. db.Database.GetMigrations()]);
        Assert.True(file is not null, string.Join("\n", problems));
        await StoreRestorer.RestoreAsync(db, file);
        return target;
    }

    public async ValueTask DisposeAsync() => await Store.DisposeAsync();
}

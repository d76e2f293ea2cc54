using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace AttributionTracker.Data;

/// <summary>SQL functions whose spelling differs between the engines, so queries can be written once.</summary>
public static class StoreFunctions
{
    /// <summary>The escape character of <see cref="LikeIgnoringCase"/> patterns.</summary>
    public const char LikeEscape = '\\';

    /// <summary>
    /// <c>value LIKE pattern</c> ignoring case (<c>%</c>, <c>_</c> and <see cref="LikeEscape"/> as in SQL). SQLite's
    /// LIKE already ignores ASCII case, so there it is plain LIKE; PostgreSQL's LIKE does not, so there both sides are
    /// lower-cased first (what ILIKE does, written with public EF types).
    /// </summary>
    public static bool LikeIgnoringCase(string? value, string pattern) =>
        throw new InvalidOperationException($"{nameof(LikeIgnoringCase)} only runs inside a database query.");

    internal static void Register(ModelBuilder builder, bool postgres, RelationalTypeMapping boolMapping)
    {
        builder.HasDbFunction(typeof(StoreFunctions).GetMethod(nameof(LikeIgnoringCase))!)
            .HasTranslation(args =>
            {
                var escape = new SqlConstantExpression(LikeEscape.ToString(), args[1].TypeMapping);
                return postgres
                    ? new LikeExpression(Lower(args[0]), Lower(args[1]), escape, boolMapping)
                    : new LikeExpression(args[0], args[1], escape, boolMapping);
            });
    }

    private static SqlFunctionExpression Lower(SqlExpression text) =>
        new("lower", [text], nullable: true, argumentsPropagateNullability: [true], typeof(string), text.TypeMapping);
}

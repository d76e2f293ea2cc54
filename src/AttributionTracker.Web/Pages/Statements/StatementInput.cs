using System.ComponentModel.DataAnnotations;
using AttributionTracker.Domain;

namespace AttributionTracker.Web.Pages.Statements;

/// <summary>What the statement form posts: names as typed, resolved to records on the server.</summary>
public sealed class StatementInput
{
    public StatementKind Kind { get; set; } = StatementKind.Attribution;

    /// <summary>In order: the lead party first.</summary>
    public List<PickedName> Parties { get; set; } = [];

    public PickedName AccusedActor { get; set; } = new();

    [Display(Name = "Accused state")]
    public string? AccusedState { get; set; }

    public PickedName Incident { get; set; } = new();

    /// <summary>A yardstick term ("almost-certain") or empty for "not stated".</summary>
    [Display(Name = "Confidence")]
    public string? Confidence { get; set; }

    [Display(Name = "In the party's words")]
    [StringLength(200, ErrorMessage = "Keep the wording under 200 characters.")]
    public string? ConfidenceWording { get; set; }

    [Display(Name = "Date")]
    public string? Date { get; set; }

    [Display(Name = "Quote")]
    [StringLength(4000, ErrorMessage = "A quote is at most 4,000 characters.")]
    public string? Quote { get; set; }

    public PickedName Source { get; set; } = new();

    [Display(Name = "Span start")]
    public int? SpanStart { get; set; }

    [Display(Name = "Span end")]
    public int? SpanEnd { get; set; }

    /// <summary>The statements a denial or response answers, ticked from the incident's statements.</summary>
    public List<int> Answers { get; set; } = [];

    /// <summary>Further statement numbers, typed ("12, 15").</summary>
    [Display(Name = "Other statement numbers")]
    public string? AnswersOther { get; set; }

    [Display(Name = "Notes (Markdown)")]
    [StringLength(20_000)]
    public string? Notes { get; set; }

    /// <summary>The version the editor started from: a save over a newer one is a conflict.</summary>
    public int Version { get; set; }
}

/// <summary>One picker's value: the name typed, and how it was or is to be resolved.</summary>
public sealed class PickedName
{
    [StringLength(200, ErrorMessage = "A name is at most 200 characters.")]
    public string? Name { get; set; }

    /// <summary>The record the name was resolved to before (kept while the name is unchanged).</summary>
    public int? Id { get; set; }

    /// <summary>The name <see cref="Id"/> was resolved for; a different <see cref="Name"/> means the editor changed it.</summary>
    public string? IdName { get; set; }

    /// <summary>A record picked from the choices offered beside the field.</summary>
    public int? Choice { get; set; }

    /// <summary>Create a new record with this name (in the same transaction as the statement).</summary>
    public bool CreateNew { get; set; }

    /// <summary>For a new party or actor: its kind.</summary>
    public string? NewKind { get; set; }

    /// <summary>For a new party: the state it speaks for; for a new actor: its sponsor state.</summary>
    public string? NewState { get; set; }

    /// <summary>For a new incident: when it began.</summary>
    public string? NewDate { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && Choice is null;

    public static PickedName For(int id, string name) => new() { Name = name, Id = id, IdName = name };
}

using System.ComponentModel;
using AttributionTracker.Queries;
using Microsoft.AspNetCore.Mvc;

namespace AttributionTracker.Web.Api;

/// <summary>
/// The statement filter's query values (ADR 9), exactly as the /incidents page takes them; read by
/// <see cref="StatementFilterQuery.Parse"/>, so the API and the page accept and refuse the same values.
/// </summary>
public sealed class StatementFilterParameters
{
    [FromQuery(Name = StatementFilterQuery.AccusedState)]
    [Description("The state the statement itself accuses, as an ISO code (CN) — never an accused actor's sponsor.")]
    public string? Accused { get; set; }

    [FromQuery(Name = StatementFilterQuery.Actor)]
    [Description("The accused actor's name or any alias, as a whole name, ignoring case and accents (hafnio).")]
    public string? Actor { get; set; }

    [FromQuery(Name = StatementFilterQuery.AccusingState)]
    [Description("A state one of the statement's parties speaks for, as an ISO code (GB); companies speak for none.")]
    public string? Accuser { get; set; }

    [FromQuery(Name = StatementFilterQuery.AccusingParty)]
    [Description("The slug of one of the statement's parties (national-cyber-security-centre); co-signers count.")]
    public string? By { get; set; }

    [FromQuery(Name = StatementFilterQuery.Year)]
    [Description("The year the statement's date begins in (2021); undated statements are left out.")]
    public string? Year { get; set; }

    [FromQuery(Name = StatementFilterQuery.Confidence)]
    [Description("A PHIA yardstick term (highly-likely) or its rank from 1 (remote chance) to 7 (almost certain).")]
    public string? Conf { get; set; }

    [FromQuery(Name = StatementFilterQuery.ConfidenceMode)]
    [Description("How conf compares: atleast (the default) or exactly.")]
    public string? ConfMode { get; set; }

    [FromQuery(Name = StatementFilterQuery.Kind)]
    [Description("attribution, denial, retraction, corroboration or response.")]
    public string? Kind { get; set; }

    [FromQuery(Name = StatementFilterQuery.Text)]
    [Description("Words in the incident's name or aliases or in the quote, ignoring case and accents.")]
    public string? Q { get; set; }

    /// <summary>The raw value of a query name, as <see cref="StatementFilterQuery.Parse"/> asks for it.</summary>
    public string? Value(string name) => name switch
    {
        StatementFilterQuery.AccusedState => Accused,
        StatementFilterQuery.Actor => Actor,
        StatementFilterQuery.AccusingState => Accuser,
        StatementFilterQuery.AccusingParty => By,
        StatementFilterQuery.Year => Year,
        StatementFilterQuery.Confidence => Conf,
        StatementFilterQuery.ConfidenceMode => ConfMode,
        StatementFilterQuery.Kind => Kind,
        StatementFilterQuery.Text => Q,
        _ => null,
    };
}

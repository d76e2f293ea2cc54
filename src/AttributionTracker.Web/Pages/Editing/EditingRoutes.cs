using AttributionTracker.Domain;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace AttributionTracker.Web.Pages.Editing;

/// <summary>
/// "New" shares its page with "edit": one form, one set of rules. A page has one <c>@page</c> template, so the
/// second address is added here. A literal segment outranks <c>{slug}</c>, so <c>/actors/new</c> never reaches the
/// actor page (and new slugs never take the name "new").
/// </summary>
public static class EditingRoutes
{
    public static readonly Slug[] Reserved = [Slug.Parse("new")];

    public static PageConventionCollection AddEditingRoutes(this PageConventionCollection pages)
    {
        pages.AddPageRoute("/Incidents/Edit", "incidents/new");
        pages.AddPageRoute("/Actors/Edit", "actors/new");
        pages.AddPageRoute("/Parties/Edit", "parties/new");
        pages.AddPageRoute("/Sources/Edit", "sources/new");
        return pages;
    }
}

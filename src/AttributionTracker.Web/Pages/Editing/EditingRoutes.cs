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
        AddNew(pages, "/Incidents/Edit", "incidents/new");
        AddNew(pages, "/Actors/Edit", "actors/new");
        AddNew(pages, "/Parties/Edit", "parties/new");
        AddNew(pages, "/Sources/Edit", "sources/new");
        return pages;
    }

    // Two selectors: one that matches ".../new" as readily as any literal path, and one for link generation that
    // is tried after the page's own template, so a link with a slug (or id) becomes ".../edit" and only a link
    // without one becomes ".../new" (rather than "new?slug=...").
    private static void AddNew(PageConventionCollection pages, string page, string template) =>
        pages.AddPageRouteModelConvention(page, model =>
        {
            model.Selectors.Add(new SelectorModel { AttributeRouteModel = new AttributeRouteModel { Template = template, SuppressLinkGeneration = true } });
            model.Selectors.Add(new SelectorModel { AttributeRouteModel = new AttributeRouteModel { Template = template, Order = 1, SuppressPathMatching = true } });
        });
}

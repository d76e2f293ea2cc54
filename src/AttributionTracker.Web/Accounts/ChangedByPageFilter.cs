using AttributionTracker.Data;
using Microsoft.AspNetCore.Mvc.Filters;

namespace AttributionTracker.Web.Accounts;

/// <summary>Every change a signed-in editor saves is recorded under their account name (history's "who").</summary>
public sealed class ChangedByPageFilter(AttributionDbContext db) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HttpContext.User.Identity is { IsAuthenticated: true, Name: { } name })
        {
            db.ChangedBy = name;
        }

        return next();
    }
}

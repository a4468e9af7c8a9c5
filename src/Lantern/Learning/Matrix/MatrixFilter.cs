using Lantern.Learning.Assignments;
using Lantern.Learning.Records;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Lantern.Learning.Matrix;

/// <summary>
/// The matrix's filters as they arrive in the address (location, role, course, people who have left,
/// page), read strictly: garbage is refused with a message; a well-formed id that is not one of the
/// organisation's is not found.
/// </summary>
public sealed record MatrixFilter(string? Location, string? Role, string? Course, string? Leavers, string? Page)
{
    public const int PageSize = 50;

    public enum Outcome
    {
        Valid,
        Invalid,
        NotFound,
    }

    public (Outcome Outcome, TrainingQuery Query, int Page) Read(TrainingChoices choices, ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(choices);
        ArgumentNullException.ThrowIfNull(modelState);
        var notFound = false;
        Guid? location = null, course = null;
        if (!string.IsNullOrEmpty(Location))
        {
            if (!Guid.TryParse(Location, out var id))
            {
                modelState.AddModelError("location", "Choose a location from the list");
            }
            else if (choices.Locations.All(l => l.Id != id))
            {
                notFound = true;
            }
            else
            {
                location = id;
            }
        }

        if (!string.IsNullOrEmpty(Course))
        {
            if (!Guid.TryParse(Course, out var id))
            {
                modelState.AddModelError("course", "Choose a course from the list");
            }
            else if (choices.Courses.All(c => c.Id != id))
            {
                notFound = true;
            }
            else
            {
                course = id;
            }
        }

        string? role = null;
        if (!string.IsNullOrEmpty(Role))
        {
            role = choices.Roles.Select(r => r.Name).FirstOrDefault(r => r == Role);
            if (role is null)
            {
                modelState.AddModelError("role", "Choose a role from the list");
            }
        }

        var leavers = Leavers switch
        {
            null or "" => false,
            "yes" or "true" => true,
            _ => (bool?)null,
        };
        if (leavers is null)
        {
            modelState.AddModelError("leavers", "Tick the box to include people who have left, or leave it clear");
        }

        var page = 1;
        if (!string.IsNullOrEmpty(Page) && (!int.TryParse(Page, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out page) || page < 1 || page > 100_000))
        {
            modelState.AddModelError("page", "The page number must be a whole number from 1");
            page = 1;
        }

        var outcome = !modelState.IsValid ? Outcome.Invalid : notFound ? Outcome.NotFound : Outcome.Valid;
        return (outcome, new TrainingQuery(LocationId: location, Role: role, CourseId: course, IncludeLeavers: leavers == true), page);
    }

    /// <summary>The filters as an address query, for links to other pages and the exports.</summary>
    public string QueryString(int? page = null)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }

        Add("location", Location);
        Add("role", Role);
        Add("course", Course);
        Add("leavers", Leavers);
        Add("page", page?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return parts.Count == 0 ? string.Empty : "?" + string.Join("&", parts);
    }
}

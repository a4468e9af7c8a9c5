using System.Security.Claims;

namespace Lantern.Courses.Blocks;

/// <summary>
/// The pages of Lantern a course can link to by name (<c>page: record-a-concern</c>), with who may open
/// each and what everyone else is told instead. The one place the names are resolved: the pages
/// themselves are built by their own features.
/// </summary>
public static class ProductPages
{
    public static IReadOnlyList<ProductPage> All { get; } =
    [
        new(
            "record-a-concern",
            "Record a concern",
            "/concerns/new",
            "Write down what you saw or heard, in the child's own words where you can, and send it to your designated safeguarding lead.",
            user => user.Identity?.IsAuthenticated == true,
            "How to raise a concern about a child",
            """
            <p class="govuk-body">Recording a concern in Lantern is for staff and volunteers of an organisation that uses it. If you are worried about a child:</p>
            <ul class="govuk-list govuk-list--bullet">
            <li>if a child is in immediate danger, call <a class="govuk-link" href="tel:999">999</a></li>
            <li>if you work or volunteer with children, tell your organisation's designated safeguarding lead today</li>
            <li>otherwise, contact the children's social care team of the council where the child lives, or call the police on <a class="govuk-link" href="tel:101">101</a></li>
            <li>for advice, call the NSPCC helpline on <a class="govuk-link" href="tel:08088005000">0808 800 5000</a></li>
            <li>children and young people can call Childline on <a class="govuk-link" href="tel:08001111">0800 1111</a></li>
            </ul>
            """),
        new(
            "warning-signs",
            "Warning signs",
            "/warning-signs",
            "The signs that a child may be at risk, grouped as Lantern's screening tool groups them.",
            _ => true,
            "Warning signs",
            string.Empty),
    ];

    public static ProductPage? Find(string name) => All.FirstOrDefault(p => p.Name == name);
}

/// <summary>A page of Lantern a course may link to; <see cref="AlternativeHtml"/> is shown to those who may not open it.</summary>
public sealed record ProductPage(string Name, string Title, string Path, string Description, Func<ClaimsPrincipal, bool> MayOpen, string AlternativeTitle, string AlternativeHtml);

using System.Security.Claims;
using Lantern.Courses.Blocks;
using Lantern.Printing;

namespace Lantern.Courses.Print;

/// <summary>
/// What the print form depends on besides the course: how a picture of the course is found (its bytes
/// for a PDF, its address for the print view) and which pages of Lantern the reader may open (a link
/// into Lantern prints as the page shows it to them).
/// </summary>
public sealed record PrintReader(Func<string, PrintImage> Image, Func<ProductPage, bool> MayOpen)
{
    /// <summary>For the print view: pictures by their address, links as <paramref name="user"/> may follow them.</summary>
    public static PrintReader ForPage(ClaimsPrincipal user) =>
        new(address => new PrintImage(ReadOnlyMemory<byte>.Empty) { Address = address }, page => page.MayOpen(user));

    /// <summary>
    /// Which pages of Lantern this reader may open, as a key: readers with the same key get the same print,
    /// so a PDF is cached once per key rather than once per person.
    /// </summary>
    public static string AudienceKey(ClaimsPrincipal user) =>
        string.Concat(ProductPages.All.Select(p => p.MayOpen(user) ? '1' : '0'));
}

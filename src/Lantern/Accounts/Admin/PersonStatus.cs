namespace Lantern.Accounts.Admin;

/// <summary>Where a person's account stands, as an admin sees it: invited, active or disabled.</summary>
public sealed record PersonStatus(string Text, string TagClass)
{
    public static PersonStatus Active { get; } = new("Active", "govuk-tag govuk-tag--green");

    public static PersonStatus Invited { get; } = new("Invited", "govuk-tag");

    public static PersonStatus Disabled { get; } = new("Disabled", "govuk-tag govuk-tag--grey");

    public static PersonStatus Of(DateTimeOffset? activatedAt, DateTimeOffset? disabledAt) =>
        disabledAt is not null ? Disabled
        : activatedAt is null ? Invited
        : Active;
}

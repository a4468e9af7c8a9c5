namespace Lantern.Audit;

/// <summary>The actions Lantern records. Features add their own beside their code (e.g. <c>concern.read</c>).</summary>
public static class AuditActions
{
    public const string SignInSucceeded = "signin.succeeded";
    public const string SignInFailed = "signin.failed";
    public const string SignOut = "signout";
    public const string TwoStepFailed = "twostep.failed";
    public const string AccessDenied = "access.denied";
    public const string PersonInvited = "person.invited";
    public const string InvitationResent = "person.invitation-resent";
    public const string AccessChanged = "person.access-changed";
    public const string PersonDisabled = "person.disabled";
    public const string PersonEnabled = "person.enabled";
    public const string TwoStepReset = "person.twostep-reset";

    /// <summary>How a person is named among an entry's records.</summary>
    public static string Person(Guid id) => "person:" + id.ToString("D");
}

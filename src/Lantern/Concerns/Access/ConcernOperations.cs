using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Lantern.Concerns.Access;

/// <summary>The named things a person may do with one concern, checked by <see cref="ConcernAuthorizationHandler"/>.</summary>
public static class ConcernOperations
{
    /// <summary>Everything recorded: what happened, the child's words, decisions, addenda, the children.</summary>
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };

    public static readonly OperationAuthorizationRequirement Decide = new() { Name = nameof(Decide) };

    public static readonly OperationAuthorizationRequirement AddAddendum = new() { Name = nameof(AddAddendum) };

    /// <summary>Only the reference, when it was recorded and where it stands: for the person who recorded it.</summary>
    public static readonly OperationAuthorizationRequirement ReadStatus = new() { Name = nameof(ReadStatus) };
}

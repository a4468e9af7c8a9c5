using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Lantern.Concerns.Access;

/// <summary>Per-record authorization for concerns: the named operations in <see cref="ConcernOperations"/>, decided by <see cref="ConcernAccess"/>.</summary>
public sealed class ConcernAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, Concern>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, Concern resource)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.Identity?.IsAuthenticated == true && ConcernAccess.Allows(ConcernViewer.Of(context.User), resource, requirement))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

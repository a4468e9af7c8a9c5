using Microsoft.AspNetCore.Identity;

namespace Lantern.Accounts.Users;

public sealed class LanternRole : IdentityRole<Guid>
{
    public LanternRole()
    {
    }

    public LanternRole(Guid id, string name)
        : base(name)
    {
        Id = id;
        NormalizedName = name.ToUpperInvariant();
        ConcurrencyStamp = id.ToString();
    }
}

namespace Lantern.Accounts.Users;

public sealed record RoleInfo(string Name, string Title, string Description, Guid Id, bool RequiresMfa);

namespace Lantern.Demo;

public sealed record DemoPerson(string Email, string Name, string Role);

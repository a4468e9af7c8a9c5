namespace Lantern.IntegrationTests.Infrastructure;

/// <summary>
/// One master key for every test app and the template databases they are copied from: Data Protection keys
/// sealed in the template must open in every copy, as they would on every node of one installation.
/// </summary>
public static class TestKeys
{
    public const string Setting = "Lantern:Encryption:Keys";

    public static readonly string Ring = "test-1:" + Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
}

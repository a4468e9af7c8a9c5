namespace Lantern.Audit;

/// <summary>Which chain an entry belongs to.</summary>
public static class AuditChains
{
    /// <summary>
    /// The key of the system chain, for events that belong to no organisation (a failed sign-in for an
    /// unknown account). No organisation has the empty id.
    /// </summary>
    public static readonly Guid System = Guid.Empty;

    public static Guid Of(Guid? organisationId) => organisationId ?? System;

    public static string Name(Guid chain) => chain == System ? "system" : chain.ToString();
}

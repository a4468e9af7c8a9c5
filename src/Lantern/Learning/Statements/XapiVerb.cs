namespace Lantern.Learning.Statements;

/// <summary>The ADL verbs Lantern records, by their short names.</summary>
public static class XapiVerb
{
    public const string Experienced = "experienced";
    public const string Answered = "answered";
    public const string Completed = "completed";
    public const string Passed = "passed";
    public const string Failed = "failed";

    public static string Iri(string verb) => "http://adlnet.gov/expapi/verbs/" + verb;
}

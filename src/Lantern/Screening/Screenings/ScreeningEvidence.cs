using System.Text.Json;

namespace Lantern.Screening.Screenings;

/// <summary>
/// The evidence of one positive answer, kept in three parts: what was seen, who saw or reported it, and when
/// (free text, such as "12 March 2026" or "most weekends since January").
/// </summary>
public sealed record SignEvidence(string What, string Who, string When);

/// <summary>One indicator's evidence as the form posts it: three strings, exactly as typed.</summary>
public sealed class EvidenceInput
{
    public string? What { get; set; }

    public string? Who { get; set; }

    public string? When { get; set; }

    public static EvidenceInput From(SignEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return new EvidenceInput { What = evidence.What, Who = evidence.Who, When = evidence.When };
    }
}

/// <summary>
/// A screening's evidence as stored (sealed JSON): an object of what, who and when per indicator. A screening
/// saved before evidence had three parts holds a plain string per indicator, read as what was seen.
/// </summary>
public static class ScreeningEvidence
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string ToJson(IReadOnlyDictionary<string, SignEvidence> evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return JsonSerializer.Serialize(evidence.OrderBy(e => e.Key, StringComparer.Ordinal).ToDictionary(e => e.Key, e => e.Value), Json);
    }

    public static Dictionary<string, SignEvidence> FromJson(string json)
    {
        var read = new Dictionary<string, SignEvidence>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
        {
            return read;
        }

        using var document = JsonDocument.Parse(json);
        foreach (var entry in document.RootElement.EnumerateObject())
        {
            read[entry.Name] = entry.Value.ValueKind switch
            {
                JsonValueKind.String => new SignEvidence(entry.Value.GetString() ?? string.Empty, string.Empty, string.Empty),
                JsonValueKind.Object => new SignEvidence(Part(entry.Value, "what"), Part(entry.Value, "who"), Part(entry.Value, "when")),
                _ => new SignEvidence(string.Empty, string.Empty, string.Empty),
            };
        }

        return read;
    }

    private static string Part(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : string.Empty;
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Lantern.Screening.Scoring;

namespace Lantern.Screening.Screenings;

/// <summary>A screening's answers as stored: indicator id to answer name, as JSON.</summary>
public static class ScreeningAnswers
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public static string ToJson(IReadOnlyDictionary<string, IndicatorAnswer> answers) =>
        JsonSerializer.Serialize(answers.OrderBy(a => a.Key, StringComparer.Ordinal).ToDictionary(a => a.Key, a => a.Value), Json);

    public static Dictionary<string, IndicatorAnswer> FromJson(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, IndicatorAnswer>>(json, Json) ?? [];
}

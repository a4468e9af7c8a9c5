using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lantern.Learning.Statements;

/// <summary>
/// Builds xAPI 1.0.3 statements (https://github.com/adlnet/xAPI-Spec): the actor as an account on this
/// installation (its id, never a name or an e-mail address), the ADL verb, the activity by its address,
/// the result where there is one, the course as the parent activity, the time and a statement id.
/// </summary>
public static class XapiStatement
{
    public const string Version = "1.0.3";

    public static string Build(
        Guid id,
        string homePage,
        Guid userId,
        string verb,
        string activityPath,
        string activityName,
        string activityType,
        string coursePath,
        string courseName,
        DateTimeOffset timestamp,
        XapiResult? result = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(homePage);
        var home = homePage.TrimEnd('/');
        var statement = new JsonObject
        {
            ["id"] = id.ToString("D"),
            ["actor"] = new JsonObject
            {
                ["objectType"] = "Agent",
                ["account"] = new JsonObject { ["homePage"] = home, ["name"] = userId.ToString("D") },
            },
            ["verb"] = new JsonObject
            {
                ["id"] = XapiVerb.Iri(verb),
                ["display"] = new JsonObject { ["en-GB"] = verb },
            },
            ["object"] = Activity(home + activityPath, activityName, activityType),
        };
        if (result is not null)
        {
            var node = new JsonObject();
            if (result.Success is { } success)
            {
                node["success"] = success;
            }

            if (result.Completion is { } completion)
            {
                node["completion"] = completion;
            }

            if (result.Score is { } score)
            {
                node["score"] = new JsonObject
                {
                    ["scaled"] = Math.Round(score / 100.0, 2),
                    ["raw"] = score,
                    ["min"] = 0,
                    ["max"] = 100,
                };
            }

            if (result.Response is { } response)
            {
                node["response"] = response;
            }

            statement["result"] = node;
        }

        statement["context"] = new JsonObject
        {
            ["platform"] = "Lantern",
            ["language"] = "en-GB",
            ["contextActivities"] = new JsonObject
            {
                ["parent"] = new JsonArray(Activity(home + coursePath, courseName, "http://adlnet.gov/expapi/activities/course")),
            },
        };
        statement["timestamp"] = timestamp.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        statement["version"] = Version;
        return statement.ToJsonString();
    }

    private static JsonObject Activity(string id, string name, string type) => new()
    {
        ["objectType"] = "Activity",
        ["id"] = id,
        ["definition"] = new JsonObject
        {
            ["name"] = new JsonObject { ["en-GB"] = name },
            ["type"] = type,
        },
    };

    /// <summary>Statements as one JSON array, for the export.</summary>
    public static void WriteArray(Utf8JsonWriter writer, IEnumerable<string> statements)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(statements);
        writer.WriteStartArray();
        foreach (var json in statements)
        {
            writer.WriteRawValue(json, skipInputValidation: true);
        }

        writer.WriteEndArray();
    }

    /// <summary>Statements as one JSON array, written to the stream as they are read, flushed every 32 KB or so.</summary>
    public static async Task WriteArrayAsync(Stream stream, IAsyncEnumerable<string> statements, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(statements);
        await using var writer = new Utf8JsonWriter(stream);
        writer.WriteStartArray();
        await foreach (var json in statements.WithCancellation(cancellationToken))
        {
            writer.WriteRawValue(json, skipInputValidation: true);
            if (writer.BytesPending > 32 * 1024)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        writer.WriteEndArray();
        await writer.FlushAsync(cancellationToken);
    }
}

/// <summary>The result part of a statement: success, completion, score as a per cent, and the response given.</summary>
public sealed record XapiResult(bool? Success = null, bool? Completion = null, int? Score = null, string? Response = null);

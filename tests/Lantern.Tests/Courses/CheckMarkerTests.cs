using Lantern.Courses.Blocks;
using Lantern.Courses.Model;

namespace Lantern.Tests.Courses;

/// <summary>Marking every kind of question on the server, and refusing answers that cannot be marked.</summary>
public sealed class CheckMarkerTests
{
    private static readonly Dictionary<string, string> NoPositions = [];

    private static CheckBlock Question(string id) =>
        new SampleCourse().Read().Course!.Books[0].Chapters.SelectMany(c => c.Questions).Single(q => q.Id == id);

    [Fact]
    public void A_single_choice_is_right_only_with_the_right_option_and_every_option_has_feedback()
    {
        var q = Question("first-step");

        var right = CheckMarker.Mark(q, ["listen"], NoPositions);
        var wrong = CheckMarker.Mark(q, ["promise"], NoPositions);

        Assert.True(right.Right);
        Assert.False(wrong.Right);
        Assert.Equal(3, wrong.Options.Count);
        Assert.All(wrong.Options, o => Assert.NotNull(o.Option.FeedbackHtml));
        Assert.True(wrong.Options.Single(o => o.Option.Id == "promise").Chosen);
    }

    [Fact]
    public void A_multiple_choice_is_right_only_with_every_right_option_and_no_other()
    {
        var q = Question("what-to-record");

        Assert.True(CheckMarker.Mark(q, ["words", "when"], NoPositions).Right);
        Assert.False(CheckMarker.Mark(q, ["words"], NoPositions).Right);
        Assert.False(CheckMarker.Mark(q, ["words", "when", "guess"], NoPositions).Right);
    }

    [Fact]
    public void A_true_or_false_question_is_marked()
    {
        var q = Question("can-refer-directly");

        Assert.True(CheckMarker.Mark(q, ["true"], NoPositions).Right);
        Assert.False(CheckMarker.Mark(q, ["false"], NoPositions).Right);
    }

    [Fact]
    public void An_ordering_is_right_only_in_the_right_order_and_says_where_each_item_belongs()
    {
        var q = Question("order-of-steps");

        var right = CheckMarker.Mark(q, [], new Dictionary<string, string> { ["notice"] = "1", ["record"] = "2", ["tell"] = "3" });
        var wrong = CheckMarker.Mark(q, [], new Dictionary<string, string> { ["notice"] = "1", ["record"] = "3", ["tell"] = "2" });

        Assert.True(right.Right);
        Assert.False(wrong.Right);
        Assert.Equal([true, false, false], wrong.Options.Select(o => o.Chosen));
        Assert.Equal([1, 3, 2], wrong.Options.Select(o => o.Position));
    }

    [Fact]
    public void Items_of_an_ordering_are_never_shown_in_the_right_order()
    {
        var q = Question("order-of-steps");

        Assert.NotEqual(q.Options.Select(o => o.Id), CheckMarker.PresentedOrder(q).Select(o => o.Id));
        Assert.Equal(CheckMarker.PresentedOrder(q).Select(o => o.Id), CheckMarker.PresentedOrder(q).Select(o => o.Id));
    }

    [Theory]
    [InlineData("first-step", new string[0], "Select an answer")]
    [InlineData("first-step", new[] { "listen", "promise" }, "Select one answer only")]
    [InlineData("first-step", new[] { "forged" }, "not one of the options")]
    [InlineData("first-step", new[] { "<script>alert(1)</script>" }, "not one of the options")]
    [InlineData("what-to-record", new string[0], "Select all the answers")]
    [InlineData("what-to-record", new[] { "words", "words" }, "not one of the options")]
    [InlineData("can-refer-directly", new[] { "maybe" }, "not one of the options")]
    public void An_answer_that_cannot_be_marked_is_refused_with_a_message(string question, string[] chosen, string message)
    {
        var marking = CheckMarker.Mark(Question(question), chosen, NoPositions);

        Assert.False(marking.IsValid);
        Assert.Contains(message, marking.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1", "1", "2", "different position")]
    [InlineData("1", "2", "", "Give every item a position")]
    [InlineData("1", "2", "9", "Give every item a position")]
    [InlineData("1", "2", "-3", "Give every item a position")]
    [InlineData("1", "2", "x", "Give every item a position")]
    public void An_ordering_with_a_missing_repeated_or_impossible_position_is_refused(string notice, string record, string tell, string message)
    {
        var marking = CheckMarker.Mark(Question("order-of-steps"), [], new Dictionary<string, string> { ["notice"] = notice, ["record"] = record, ["tell"] = tell });

        Assert.Contains(message, marking.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ordering_naming_an_item_the_question_does_not_have_is_refused()
    {
        var marking = CheckMarker.Mark(Question("order-of-steps"), [], new Dictionary<string, string> { ["notice"] = "1", ["record"] = "2", ["tell"] = "3", ["forged"] = "4" });

        Assert.Contains("does not have", marking.Error, StringComparison.Ordinal);
    }
}

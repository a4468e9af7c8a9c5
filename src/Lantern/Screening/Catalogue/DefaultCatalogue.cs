using Lantern.Screening.Scoring;

namespace Lantern.Screening.Catalogue;

/// <summary>
/// The catalogue of indicators every organisation starts with, and the shipped scoring scheme.
/// Its four kinds of indicator and its points are modelled on the Sexual Exploitation Risk
/// Assessment Framework (SERAF) of Barnardo's Cymru; the wording is Lantern's own, in plain English.
/// It is not a validated instrument: no CSE screening tool has been shown to predict exploitation
/// (Brown et al., 2016; Franklin, Brown and Brady, 2018), so it supports a DSL's judgement and
/// never replaces it. An organisation admin can change it; each change is a new version.
/// </summary>
public static class DefaultCatalogue
{
    public static IReadOnlyList<Domain> Domains { get; } =
    [
        new("missing", "Going missing", "Being away from home, care or school without anyone knowing where."),
        new("relationships", "Relationships and people around the child", "Who the child spends time with, and who has a hold over them."),
        new("online", "Contact online", "Phones, apps, games and messages."),
        new("gifts", "Gifts, money, alcohol and drugs", "Things given to the child, and what may be expected back."),
        new("health", "Health and sexual health", "Injuries, health worries and sexual health."),
        new("education", "School and college", "Attendance, exclusions and being collected."),
        new("behaviour", "Behaviour and feelings", "Changes in how the child acts or seems."),
        new("vulnerabilities", "Things that make a child more vulnerable", "Not signs of exploitation on their own, but they make it more likely and harder to spot."),
        new("harm", "Signs that harm has happened", "Not a risk: a sign that a child may already have been sexually abused or exploited. Act on any one of these today."),
    ];

    public static IReadOnlyList<Indicator> Indicators { get; } =
    [
        new("missing-sometimes", "missing", IndicatorKind.ModerateRisk, "Has gone missing from home or care, or comes back late with no explanation."),
        new("missing-often", "missing", IndicatorKind.SignificantRisk, "Goes missing often or overnight, or is found a long way from home."),
        new("missing-unsafe-places", "missing", IndicatorKind.SignificantRisk, "Is found in places where children should not be, such as hotels, parties or other people's homes."),

        new("older-friends", "relationships", IndicatorKind.ModerateRisk, "Has new friends who are older, or friends nobody in the family or service knows."),
        new("secretive", "relationships", IndicatorKind.ModerateRisk, "Is secretive about where they go and who they see."),
        new("picked-up", "relationships", IndicatorKind.ModerateRisk, "Is picked up or dropped off by cars or people the family or staff do not know."),
        new("older-partner", "relationships", IndicatorKind.SignificantRisk, "Is in a relationship with someone much older, or with someone who has power over them."),
        new("known-exploiters", "relationships", IndicatorKind.SignificantRisk, "Spends time with adults or young people known or thought to exploit children."),

        new("hidden-phone", "online", IndicatorKind.ModerateRisk, "Has a second phone, or accounts and apps they keep hidden."),
        new("online-strangers", "online", IndicatorKind.ModerateRisk, "Talks online with people they have never met."),
        new("asked-for-images", "online", IndicatorKind.SignificantRisk, "Has been asked to send sexual pictures or videos of themselves, or has sent them."),
        new("meeting-online-contact", "online", IndicatorKind.SignificantRisk, "Has met, or is planning to meet, someone they first got to know online."),

        new("unexplained-things", "gifts", IndicatorKind.ModerateRisk, "Has money, clothes, phones or other things and cannot say where they came from."),
        new("alcohol-drugs", "gifts", IndicatorKind.ModerateRisk, "Drinks alcohol or uses drugs."),
        new("given-alcohol-drugs", "gifts", IndicatorKind.SignificantRisk, "Is given alcohol or drugs by other people, or uses them heavily."),
        new("owes-debt", "gifts", IndicatorKind.SignificantRisk, "Is told they owe someone money or favours."),

        new("unexplained-injuries", "health", IndicatorKind.ModerateRisk, "Has injuries nobody can explain."),
        new("self-harm", "health", IndicatorKind.ModerateRisk, "Hurts themselves on purpose, or talks about ending their life."),
        new("sexual-health-repeated", "health", IndicatorKind.SignificantRisk, "Keeps needing sexual health tests, treatment or emergency contraception."),

        new("attendance-drop", "education", IndicatorKind.ModerateRisk, "Misses school or college, or their attendance has dropped suddenly."),
        new("excluded", "education", IndicatorKind.ModerateRisk, "Has been excluded, or is on a part-time timetable."),
        new("collected-by-strangers", "education", IndicatorKind.ModerateRisk, "Leaves school during the day, or is collected by people staff do not know."),

        new("changed-mood", "behaviour", IndicatorKind.ModerateRisk, "Their mood or behaviour has changed: angry, withdrawn, frightened or low."),
        new("sexual-behaviour", "behaviour", IndicatorKind.ModerateRisk, "Uses sexual words or behaviour that is unusual for their age or stage of development."),
        new("crime-with-others", "behaviour", IndicatorKind.SignificantRisk, "Has been caught up in crime with older people or groups."),

        new("learning-disability", "vulnerabilities", IndicatorKind.Vulnerability, "Has a learning disability or difficulty."),
        new("communication-needs", "vulnerabilities", IndicatorKind.Vulnerability, "Has communication needs that make it harder to tell someone what is happening."),
        new("physical-disability", "vulnerabilities", IndicatorKind.Vulnerability, "Has a physical or sensory disability, or needs help with personal care."),
        new("looked-after", "vulnerabilities", IndicatorKind.Vulnerability, "Is looked after by the local authority, or has been."),
        new("abused-before", "vulnerabilities", IndicatorKind.Vulnerability, "Has been abused or neglected before."),
        new("domestic-abuse", "vulnerabilities", IndicatorKind.Vulnerability, "Has lived with domestic abuse."),
        new("carer-substance-use", "vulnerabilities", IndicatorKind.Vulnerability, "A parent or carer misuses alcohol or drugs."),
        new("mental-health", "vulnerabilities", IndicatorKind.Vulnerability, "Has mental health needs."),
        new("isolated", "vulnerabilities", IndicatorKind.Vulnerability, "Has few friends or trusted adults to turn to."),
        new("loss", "vulnerabilities", IndicatorKind.Vulnerability, "Has recently lost someone close, or been through a big change such as a move."),

        new("disclosure", "harm", IndicatorKind.Harm, "Has told someone they have been sexually abused or exploited."),
        new("seen-sexual-exploitation", "harm", IndicatorKind.Harm, "Has been seen in a sexual situation with an adult, or in exchange for something."),
        new("images-shared", "harm", IndicatorKind.Harm, "Sexual pictures or videos of the child have been shared by someone else."),
        new("young-sti-pregnancy", "harm", IndicatorKind.Harm, "Is 12 or under and has a sexually transmitted infection or is pregnant."),
        new("moved-for-sex", "harm", IndicatorKind.Harm, "Has been taken from place to place for sex."),
    ];

    public static ScoringScheme Scheme { get; } = ScoringScheme.Default(1, Indicators);
}

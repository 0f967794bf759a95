package dailypapers.web;

import dailypapers.digest.Cadence;
import dailypapers.digest.Preferences;
import dailypapers.digest.Subscription;
import dailypapers.digest.Topic;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The digest preferences as a form sends them and shows them again: cadence, time zone and one box per kind of
 * topic (categories separated by commas or lines; authors and searches one per line, since both may hold commas),
 * plus "more like my library" for members. Without a zone (the header form without JavaScript) it is UTC.
 */
record DigestForm(Map<String, String> values) {

    static final String EMAIL = "email";
    static final String CADENCE = "cadence";
    static final String ZONE = "zone";
    static final String CATEGORIES = "categories";
    static final String AUTHORS = "authors";
    static final String QUERIES = "queries";
    static final String LIBRARY = "library";
    /** Errors about the topics as a whole (too many) go here, above the topic boxes. */
    static final String TOPICS = "topics";

    /** The zone ids a subscriber may choose, sorted: the form's suggestions. */
    static final List<String> ZONES = List.copyOf(new TreeSet<>(ZoneId.getAvailableZoneIds()));
    private static final Set<String> ZONE_SET = Set.copyOf(ZONES);
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final int QUOTED_CHARS = 40;

    DigestForm {
        values = Map.copyOf(values);
    }

    static DigestForm of(Context ctx) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : List.of(EMAIL, CADENCE, ZONE, CATEGORIES, AUTHORS, QUERIES, LIBRARY)) {
            values.put(field, Optional.ofNullable(ctx.formParam(field)).orElse(""));
        }
        return new DigestForm(values);
    }

    /** An empty form: daily, UTC, no topics; the email filled in when known. */
    static DigestForm empty(String email) {
        return new DigestForm(Map.of(EMAIL, email, CADENCE, Cadence.DAILY.key(), ZONE, "UTC"));
    }

    /** A subscription's preferences as the form shows them. */
    static DigestForm of(Subscription subscription) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(EMAIL, subscription.email());
        values.put(CADENCE, subscription.cadence().key());
        values.put(ZONE, subscription.zone().getId());
        values.put(CATEGORIES, join(subscription, Topic.Kind.CATEGORY, ", "));
        values.put(AUTHORS, join(subscription, Topic.Kind.AUTHOR, "\n"));
        values.put(QUERIES, join(subscription, Topic.Kind.QUERY, "\n"));
        values.put(LIBRARY, subscription.topics().contains(Topic.library()) ? "on" : "");
        return new DigestForm(values);
    }

    private static String join(Subscription subscription, Topic.Kind kind, String separator) {
        return subscription.topics().stream().filter(t -> t.kind() == kind).map(Topic::value)
                .collect(Collectors.joining(separator));
    }

    String value(String field) {
        return values.getOrDefault(field, "");
    }

    boolean isChecked(String field) {
        return !value(field).isEmpty();
    }

    /**
     * The preferences, or empty with a message per field at fault put in {@code errors}. A topic given twice is
     * kept once.
     */
    Optional<Preferences> preferences(Map<String, String> errors) {
        Optional<Cadence> cadence = value(CADENCE).isEmpty() ? Optional.of(Cadence.DAILY)
                : Cadence.parse(value(CADENCE));
        if (cadence.isEmpty()) {
            errors.put(CADENCE, "choose daily or weekly");
        }
        String zoneId = value(ZONE).strip();
        ZoneId zone = UTC;
        if (!zoneId.isEmpty() && !ZONE_SET.contains(zoneId)) {
            errors.put(ZONE, "choose a time zone from the list, such as Europe/Paris or America/New_York");
        } else if (!zoneId.isEmpty()) {
            zone = ZoneId.of(zoneId);
        }
        Set<Topic> topics = new LinkedHashSet<>();
        topics(CATEGORIES, value(CATEGORIES).split("[,\\s]+"), Topic.Kind.CATEGORY, topics, errors);
        topics(AUTHORS, value(AUTHORS).split("\\R"), Topic.Kind.AUTHOR, topics, errors);
        topics(QUERIES, value(QUERIES).split("\\R"), Topic.Kind.QUERY, topics, errors);
        if (isChecked(LIBRARY)) {
            topics.add(Topic.library());
        }
        if (!errors.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Preferences(cadence.orElseThrow(), zone, new ArrayList<>(topics)));
        } catch (IllegalArgumentException e) {
            errors.put(TOPICS, e.getMessage());
            return Optional.empty();
        }
    }

    private static void topics(String field, String[] entries, Topic.Kind kind, Set<Topic> topics,
            Map<String, String> errors) {
        for (String entry : entries) {
            if (entry.isBlank()) {
                continue;
            }
            try {
                topics.add(new Topic(kind, entry));
            } catch (IllegalArgumentException e) {
                errors.putIfAbsent(field, "\u201C" + quoted(entry.strip()) + "\u201D: " + e.getMessage());
            }
        }
    }

    /** An entry as a message quotes it: a long one by its start. */
    private static String quoted(String entry) {
        return entry.length() <= QUOTED_CHARS ? entry : entry.substring(0, QUOTED_CHARS) + "\u2026";
    }
}

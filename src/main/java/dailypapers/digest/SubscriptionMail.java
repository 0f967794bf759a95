package dailypapers.digest;

import dailypapers.mail.Message;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The mails about a subscription (not the digests): plain text with a simple HTML alternative whose styles are
 * inline, as mail clients need. Every value put in the HTML is escaped; the links are our own URLs.
 */
final class SubscriptionMail {

    static final String CONFIRM_SUBJECT = "Confirm your Daily Papers digest";
    static final String ALREADY_SUBSCRIBED_SUBJECT = "You are already subscribed to Daily Papers digests";
    static final String LINKS_SUBJECT = "Your Daily Papers digest links";

    private SubscriptionMail() {
    }

    static Message confirm(Subscription to, URI confirm, Duration lifetime) {
        return message(to, CONFIRM_SUBJECT,
                "someone, perhaps you, asked for Daily Papers digests " + to.cadence().describe() + " at this address.",
                "Confirm my subscription", confirm,
                "The link works for " + span(lifetime) + ". If you did not ask for this, ignore this mail: nothing"
                        + " is sent to you unless you confirm.");
    }

    static Message alreadySubscribed(Subscription to, URI preferences, Duration lifetime) {
        return message(to, ALREADY_SUBSCRIBED_SUBJECT,
                "someone, perhaps you, asked to subscribe this address to Daily Papers digests. It is subscribed"
                        + " already, so nothing changed. To change your topics or unsubscribe, open your preferences.",
                "Open my preferences", preferences,
                "The link works for " + span(lifetime) + ". If it was not you, ignore this mail.");
    }

    static Message links(Subscription to, URI preferences, Duration lifetime) {
        return message(to, LINKS_SUBJECT,
                "here is the link to your Daily Papers digest preferences, as asked: change how often you get"
                        + " digests, your topics, or unsubscribe.",
                "Open my preferences", preferences,
                "The link works for " + span(lifetime) + ". If you did not ask for it, ignore this mail.");
    }

    private static Message message(Subscription to, String subject, String lead, String action, URI link,
            String after) {
        String text = "Hello,\n\n" + lead + "\n\n" + action + ":\n" + link + "\n\n" + after + "\n";
        String html = "<!doctype html><html><body style=\"margin:0;padding:24px;background:#f6f7f9;"
                + "font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#1d2330\">"
                + "<div style=\"max-width:520px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px\">"
                + "<p style=\"margin:0 0 8px;font-weight:600\">Daily Papers</p>"
                + "<p style=\"margin:0 0 16px;line-height:1.5\">Hello, " + escape(lead) + "</p>"
                + "<p style=\"margin:0 0 16px\"><a href=\"" + escape(link.toString()) + "\" style=\"display:inline-block;"
                + "background:#2f5bd3;color:#ffffff;text-decoration:none;padding:10px 16px;border-radius:6px;"
                + "font-weight:600\">" + escape(action) + "</a></p>"
                + "<p style=\"margin:0 0 16px;font-size:13px;line-height:1.5;word-break:break-all\">"
                + escape(link.toString()) + "</p>"
                + "<p style=\"margin:0;font-size:13px;color:#5b6270;line-height:1.5\">" + escape(after) + "</p>"
                + "</div></body></html>";
        return new Message(to.email(), subject, text, Optional.of(html));
    }

    /** "48 hours", "90 days": how long a link works, as a mail says it. */
    private static String span(Duration lifetime) {
        long days = lifetime.toDays();
        if (days > 2 && lifetime.equals(Duration.ofDays(days))) {
            return days + " days";
        }
        long hours = Math.max(1, lifetime.toHours());
        return hours + (hours == 1 ? " hour" : " hours");
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

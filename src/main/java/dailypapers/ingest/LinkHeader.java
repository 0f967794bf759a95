package dailypapers.ingest;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code rel="next"} target of an RFC 8288 Link header, resolved against the request's URL. */
public final class LinkHeader {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]+)*)");
    private static final Pattern REL_NEXT = Pattern.compile(";\\s*rel\\s*=\\s*\"?([^\";]*)\"?");

    private LinkHeader() {
    }

    public static Optional<URI> next(URI base, Optional<String> header) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        Matcher link = LINK.matcher(header.get());
        while (link.find()) {
            Matcher rel = REL_NEXT.matcher(link.group(2));
            while (rel.find()) {
                for (String value : rel.group(1).strip().split("\\s+")) {
                    if (value.equalsIgnoreCase("next")) {
                        try {
                            return Optional.of(base.resolve(link.group(1).strip()));
                        } catch (IllegalArgumentException e) {
                            return Optional.empty();
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }
}

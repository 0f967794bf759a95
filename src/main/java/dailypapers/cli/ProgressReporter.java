package dailypapers.cli;

import dailypapers.ingest.ImportListener.Progress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows the progress of long commands (import, export, ingest, embed): a redrawn bar with rate and ETA on a terminal, a
 * plain line every few seconds otherwise (so logs of unattended runs stay readable).
 */
final class ProgressReporter {

    private static final int BAR_WIDTH = 30;
    private static final long LOG_EVERY_NANOS = 5_000_000_000L;

    private final PrintWriter out;
    private final boolean terminal;
    private final String verb;
    private long lastLineNanos;
    private boolean barShown;

    private ProgressReporter(PrintWriter out, boolean terminal, String verb) {
        this.out = out;
        this.terminal = terminal;
        this.verb = verb;
    }

    static ProgressReporter forConsole(PrintWriter out) {
        return forConsole(out, "import");
    }

    /** {@code verb} starts each plain progress line: "import FILE: …", "ingest hf: …". */
    static ProgressReporter forConsole(PrintWriter out, String verb) {
        String term = System.getenv("TERM");
        boolean terminal = System.console() != null && term != null && !"dumb".equals(term);
        return new ProgressReporter(out, terminal, verb);
    }

    void update(Progress p) {
        show(p.file(), p.fraction(), p.elapsedNanos(), describe(p));
    }

    /** Shows {@code fraction} done of the work on {@code subject}, with {@code details} after the bar. */
    void show(String subject, double fraction, long elapsedNanos, String details) {
        if (terminal) {
            int filled = (int) Math.round(fraction * BAR_WIDTH);
            out.print("\r[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + details);
            out.flush();
            barShown = true;
        } else if (elapsedNanos - lastLineNanos >= LOG_EVERY_NANOS) {
            lastLineNanos = elapsedNanos;
            out.println(verb + " " + subject + ": " + details);
            out.flush();
        }
    }

    /** Shows {@code done} of {@code total} {@code things} ("papers") on {@code subject}, with rate and ETA. */
    void count(String subject, long done, long total, String things, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        double fraction = total > 0 ? Math.min(1, (double) done / total) : 1;
        show(subject, fraction, elapsedNanos, String.format(Locale.ROOT, "%3.0f%% %,d of %,d %s, %,.0f/s, ETA %s",
                fraction * 100, done, total, things, seconds > 0 ? done / seconds : 0, eta(fraction, seconds)));
    }

    void message(String line) {
        if (barShown) {
            out.print("\r\033[K");
        }
        out.println(line);
        out.flush();
    }

    void finish() {
        if (barShown) {
            out.println();
            out.flush();
        }
    }

    private static String describe(Progress p) {
        double seconds = p.elapsedNanos() / 1e9;
        double rate = seconds > 0 ? p.records() / seconds : 0;
        return String.format(Locale.ROOT, "%3.0f%% %,d records, %,d rejected, %,.0f/s, ETA %s",
                p.fraction() * 100, p.records(), p.rejected(), rate, eta(p.fraction(), seconds));
    }

    /** Time left at the average rate so far, as m:ss; --:-- before there is a rate. */
    static String eta(double fraction, double elapsedSeconds) {
        return fraction > 0.001 ? duration(elapsedSeconds / fraction - elapsedSeconds) : "--:--";
    }

    private static String duration(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}

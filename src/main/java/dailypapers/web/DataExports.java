package dailypapers.web;

import dailypapers.account.Member;
import dailypapers.ingest.PaperExporter;
import dailypapers.takeout.TakeoutService;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.Header;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.zip.GZIPOutputStream;

/**
 * Data to download: a member's own data as one JSON document ({@code /settings/export.json} from the settings
 * page, {@code /api/me/export} by token), and every paper as gzipped JSON lines in the import schema for admins
 * ({@code /admin/export/papers.jsonl.gz}), streamed as it is read.
 */
final class DataExports {

    private static final int GZIP_BUFFER_BYTES = 1 << 16;

    private final TakeoutService takeout;
    private final PaperExporter papers;
    private final Clock clock;

    DataExports(TakeoutService takeout, PaperExporter papers, Clock clock) {
        this.takeout = takeout;
        this.papers = papers;
        this.clock = clock;
    }

    /** The signed-in member's data, and only theirs: the member is their session's or token's, never a parameter. */
    void memberData(Context ctx) {
        Member member = Visitor.of(ctx).requireMember();
        attachment(ctx, "dailypapers-" + member.handle().value() + "-" + today() + ".json");
        ApiModel.write(ctx, takeout.of(member));
    }

    void papers(Context ctx) throws IOException {
        ctx.contentType("application/gzip");
        attachment(ctx, "dailypapers-papers-" + today() + ".jsonl.gz");
        if (ctx.method() == HandlerType.HEAD) {
            return;
        }
        try (Writer out = new OutputStreamWriter(new GZIPOutputStream(ctx.outputStream(), GZIP_BUFFER_BYTES),
                StandardCharsets.UTF_8)) {
            papers.export(out, PaperExporter.Listener.NONE);
        }
    }

    /** Handles and dates are ASCII letters, digits, '-' and '_': the name needs no escaping in the header. */
    private static void attachment(Context ctx, String fileName) {
        ctx.header(Header.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
}

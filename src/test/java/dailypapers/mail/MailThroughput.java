package dailypapers.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dailypapers.TestDatabases;
import dailypapers.job.JobScheduler;
import dailypapers.store.Database;
import dailypapers.store.JdbiOutboxStore;
import dailypapers.store.JdbiTransactions;
import dailypapers.store.StoreTx;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * How fast the mail job empties the outbox into a local SMTP server (GreenMail on loopback) over its one
 * connection: {@code COUNT} rendered rows (default 2,000) in a fresh SQLite database, each to a domain of its own
 * so the rate limit stays out of the way, delivered by one run; prints rows queued and mails sent per second and
 * checks that every row arrived exactly once. Not a test: run it by hand.
 *
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) dailypapers.mail.MailThroughput [COUNT]
 * </pre>
 */
public final class MailThroughput {

    private MailThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        Clock clock = Clock.systemUTC();
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        Path dir = Files.createTempDirectory("mail-throughput");
        try (Database database = Database.open(TestDatabases.sqlite(dir), new SimpleMeterRegistry());
                JobScheduler jobs = new JobScheduler(database.leases(), JobScheduler.DEFAULT_LEASE)) {
            MailSettings settings = new MailSettings(Optional.of("127.0.0.1"), server.getSmtp().getPort(),
                    MailSettings.Security.NONE, Optional.empty(), Optional.empty(), "Daily Papers <papers@example.org>",
                    Duration.ofSeconds(30), dir.resolve("outbox"));
            JdbiOutboxStore store = new JdbiOutboxStore(database);
            MailModule mail = new MailModule(settings, store,
                    new JdbiTransactions(database, clock).view(StoreTx::outbox), clock, jobs);
            mail.register("digest", (id, payload) -> Optional.of(Message.plain(payload, "Your digest",
                    "Trending today: " + payload + "\n")));

            long queueStart = System.nanoTime();
            for (int i = 0; i < count; i++) {
                store.addRendered("digest", "r@" + i + ".example.org", "r@" + i + ".example.org", "digest:" + i,
                        clock.instant());
            }
            double queueSeconds = (System.nanoTime() - queueStart) / 1e9;

            long sendStart = System.nanoTime();
            int sent = mail.deliverNow().orElseThrow();
            double sendSeconds = (System.nanoTime() - sendStart) / 1e9;

            Set<String> ids = new HashSet<>();
            for (MimeMessage received : server.getReceivedMessages()) {
                ids.add(messageId(received));
            }
            System.out.printf("%d rows queued in %.2f s (%.0f/s); %d sent in %.2f s (%.0f mails/s); received %d,"
                            + " distinct Message-IDs %d%n", count, queueSeconds, count / queueSeconds, sent,
                    sendSeconds, sent / sendSeconds, server.getReceivedMessages().length, ids.size());
            if (sent != count || ids.size() != count) {
                throw new IllegalStateException("expected " + count + " mails, each once");
            }
        } finally {
            server.stop();
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dailypapers.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP server on 127.0.0.1 that answers as a test scripts it, for the replies GreenMail never gives: a 4xx or
 * 5xx to one command, silence, a connection dropped after a message. Replies queued with {@link #reply} answer the
 * next such commands in order, then every command is accepted.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    /** The commands a test can script a reply to. */
    public enum Command {
        MAIL, RCPT, DATA_END
    }

    /** How the server behaves towards each connection. */
    public enum Mode {
        /** A well-behaved server. */
        ANSWER,
        /** Accepts the connection and never says a word. */
        SILENT,
        /** Drops the connection, without a word, after each accepted message. */
        DROP_AFTER_EACH_MESSAGE
    }

    private final ServerSocket socket;
    private final Mode mode;
    private final Queue<String> mailReplies = new ConcurrentLinkedQueue<>();
    private final Queue<String> rcptReplies = new ConcurrentLinkedQueue<>();
    private final Queue<String> dataReplies = new ConcurrentLinkedQueue<>();
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;
    private final CountDownLatch stalled = new CountDownLatch(1);
    private volatile int stallAfter = -1;

    public ScriptedSmtpServer(Mode mode) {
        this.mode = mode;
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = Thread.ofVirtual().start(this::accept);
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** The next {@code command} is answered with {@code reply}, such as {@code 451 4.3.0 try again later}. */
    public ScriptedSmtpServer reply(Command command, String reply) {
        switch (command) {
            case MAIL -> mailReplies.add(reply);
            case RCPT -> rcptReplies.add(reply);
            case DATA_END -> dataReplies.add(reply);
        }
        return this;
    }

    /** The messages accepted (answered 250 after their data), as received. */
    public List<String> accepted() {
        return List.copyOf(accepted);
    }

    /**
     * Once {@code messages} messages are accepted, the next MAIL command is never answered: the sender hangs
     * between two messages, where a test kills it.
     */
    public ScriptedSmtpServer stallAfter(int messages) {
        stallAfter = messages;
        return this;
    }

    /** Waits until a sender hangs on the stall; false when it did not within the timeout. */
    public boolean awaitStall(long timeout, TimeUnit unit) throws InterruptedException {
        return stalled.await(timeout, unit);
    }

    public int connections() {
        return connections.get();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                clients.add(client);
                connections.incrementAndGet();
                Thread.ofVirtual().start(() -> converse(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void converse(Socket client) {
        try (client; var in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                StandardCharsets.US_ASCII)); OutputStream out = client.getOutputStream()) {
            if (mode == Mode.SILENT) {
                in.read();
                return;
            }
            send(out, "220 scripted.example ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO", "HELO" -> send(out, "250 scripted.example");
                    case "MAIL" -> {
                        if (stallAfter >= 0 && accepted.size() >= stallAfter) {
                            stalled.countDown();
                            while (in.read() >= 0) {
                                // Reads whatever comes and answers nothing, until the sender is gone.
                            }
                            return;
                        }
                        send(out, next(mailReplies));
                    }
                    case "RCPT" -> send(out, next(rcptReplies));
                    case "DATA" -> {
                        send(out, "354 end with <CRLF>.<CRLF>");
                        StringBuilder data = new StringBuilder();
                        for (String body = in.readLine(); body != null && !body.equals("."); body = in.readLine()) {
                            data.append(body).append('\n');
                        }
                        String reply = next(dataReplies);
                        if (reply.startsWith("250")) {
                            accepted.add(data.toString());
                        }
                        send(out, reply);
                        if (mode == Mode.DROP_AFTER_EACH_MESSAGE) {
                            return;
                        }
                    }
                    case "QUIT" -> {
                        send(out, "221 bye");
                        return;
                    }
                    default -> send(out, "250 OK");
                }
            }
        } catch (IOException e) {
            // The client went away; the test looks at what was accepted.
        }
    }

    private static String next(Queue<String> replies) {
        String scripted = replies.poll();
        return scripted == null ? "250 OK" : scripted;
    }

    private static void send(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket client : clients) {
            client.close();
        }
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

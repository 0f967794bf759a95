package dailypapers.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real SMTP server on loopback that keeps nothing but a line per accepted message ({@code Message-ID}, a tab,
 * the recipient), written and flushed before the message is acknowledged: the digest benchmark counts what
 * arrived, duplicates included, across a sender killed and restarted, without holding 100,000 messages in memory
 * as GreenMail would. Runs in a process of its own so that killing the sender leaves it up.
 *
 * <pre>
 * SmtpSink PORT_FILE LOG_FILE      (listens on an ephemeral port, written to PORT_FILE once it accepts)
 * </pre>
 */
public final class SmtpSink {

    private final Writer log;

    private SmtpSink(Writer log) {
        this.log = log;
    }

    public static void main(String[] args) throws IOException {
        Path portFile = Path.of(args[0]);
        try (Writer log = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                ServerSocket server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
                ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor()) {
            SmtpSink sink = new SmtpSink(log);
            Path temp = Files.writeString(portFile.resolveSibling(portFile.getFileName() + ".tmp"),
                    Integer.toString(server.getLocalPort()));
            Files.move(temp, portFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            while (true) {
                Socket socket = server.accept();
                // Replies go at once, as a mail server's do, not after a delayed acknowledgement.
                socket.setTcpNoDelay(true);
                connections.submit(() -> sink.converse(socket));
            }
        }
    }

    private void converse(Socket socket) {
        try (socket;
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.UTF_8));
                OutputStream out = socket.getOutputStream()) {
            reply(out, "220 sink ESMTP");
            String recipient = "";
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() < 4 ? line.toUpperCase(Locale.ROOT)
                        : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (command) {
                    case "EHLO" -> reply(out, "250-sink\r\n250-8BITMIME\r\n250 SIZE 52428800");
                    case "HELO", "MAIL", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "RCPT" -> {
                        recipient = line.substring(line.indexOf(':') + 1).strip();
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 go on");
                        String messageId = readMessage(in);
                        record(messageId, recipient);
                        reply(out, "250 accepted");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "502 unknown command");
                }
            }
        } catch (IOException e) {
            // A sender killed mid-conversation: its unfinished message was never acknowledged, nor recorded.
        }
    }

    /** Reads up to the lone dot; returns the Message-ID header's value, or an empty string. */
    private static String readMessage(BufferedReader in) throws IOException {
        String messageId = "";
        boolean headers = true;
        String line;
        while ((line = in.readLine()) != null && !line.equals(".")) {
            if (line.isEmpty()) {
                headers = false;
            } else if (headers && messageId.isEmpty() && line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                messageId = line.substring(11).strip();
            }
        }
        if (line == null) {
            throw new IOException("connection closed inside DATA");
        }
        return messageId;
    }

    private synchronized void record(String messageId, String recipient) throws IOException {
        log.write(messageId + "\t" + recipient + "\n");
        log.flush();
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}

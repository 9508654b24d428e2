package org.signet.mailconnector.adapter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** A line-by-line SMTP client for tests that must see every reply code, STARTTLS included. */
final class SmtpTestClient implements AutoCloseable {

    private Socket socket;
    private BufferedReader in;
    private OutputStream out;
    private final String host;
    private final int port;

    SmtpTestClient(String host, int port) throws IOException {
        this.host = host;
        this.port = port;
        use(new Socket(host, port));
    }

    /** The whole reply, its lines joined with LF; "closed" when the server closed. */
    String reply() throws IOException {
        var reply = new StringBuilder();
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                return reply.length() == 0 ? "closed" : reply + "\nclosed";
            }
            reply.append(reply.length() == 0 ? "" : "\n").append(line);
        } while (line.length() > 3 && line.charAt(3) == '-');
        return reply.toString();
    }

    String command(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return reply();
    }

    void startTls(SSLContext trust) throws IOException {
        var reply = command("STARTTLS");
        if (!reply.startsWith("220")) {
            throw new IOException("STARTTLS refused: " + reply);
        }
        var tls = (SSLSocket) trust.getSocketFactory().createSocket(socket, host, port, true);
        tls.startHandshake();
        use(tls);
    }

    String authPlain(String user, String password) throws IOException {
        var token = "\0" + user + "\0" + password;
        return command(
                "AUTH PLAIN "
                        + Base64.getEncoder()
                                .encodeToString(token.getBytes(StandardCharsets.UTF_8)));
    }

    /** DATA with the content as given (lines already CRLF), dot-stuffed, then the final dot. */
    String data(byte[] content) throws IOException {
        var reply = command("DATA");
        if (!reply.startsWith("354")) {
            return reply;
        }
        var text = new String(content, StandardCharsets.ISO_8859_1).replace("\r\n.", "\r\n..");
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return reply();
    }

    private void use(Socket socket) throws IOException {
        this.socket = socket;
        this.in =
                new BufferedReader(
                        new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        this.out = socket.getOutputStream();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

package id.ugdkemiskinan.delivery.channel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A real SMTP server, for the answers GreenMail never gives: it speaks just enough SMTP
 * and answers {@code RCPT TO} with the reply it was given (e.g. {@code 550 5.1.1 ...}).
 */
final class ScriptedSmtpServer implements AutoCloseable {

	private final ServerSocket socket;

	private final String rcptReply;

	private final Thread thread;

	ScriptedSmtpServer(String rcptReply) throws IOException {
		this.socket = new ServerSocket(0);
		this.rcptReply = rcptReply;
		this.thread = new Thread(this::serve, "scripted-smtp");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	int port() {
		return this.socket.getLocalPort();
	}

	private void serve() {
		while (!this.socket.isClosed()) {
			try (Socket client = this.socket.accept()) {
				converse(client);
			}
			catch (IOException ex) {
				// Closed.
			}
		}
	}

	private void converse(Socket client) throws IOException {
		BufferedReader in = new BufferedReader(
				new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
		Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII);
		reply(out, "220 scripted ESMTP");
		String line;
		while ((line = in.readLine()) != null) {
			String command = line.toUpperCase();
			if (command.startsWith("EHLO") || command.startsWith("HELO")) {
				reply(out, "250 scripted");
			}
			else if (command.startsWith("RCPT")) {
				reply(out, this.rcptReply);
			}
			else if (command.startsWith("DATA")) {
				reply(out, "354 go ahead");
				while ((line = in.readLine()) != null && !line.equals(".")) {
					// The message: nobody reads it.
				}
				reply(out, "250 accepted");
			}
			else if (command.startsWith("QUIT")) {
				reply(out, "221 bye");
				return;
			}
			else {
				reply(out, "250 OK");
			}
		}
	}

	private static void reply(Writer out, String reply) throws IOException {
		out.write(reply + "\r\n");
		out.flush();
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}

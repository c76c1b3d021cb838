package dev.vigie;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs a Vigie command in-process and captures its standard output and what it says on standard error. */
public final class Cli {
    public record Result(int exitCode, String out, String err) {
    }

    private Cli() {
    }

    public static synchronized Result run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            StringWriter err = new StringWriter();
            int code = Vigie.commandLine().setErr(new PrintWriter(err, true)).execute(args);
            return new Result(code, buffer.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(original);
        }
    }
}

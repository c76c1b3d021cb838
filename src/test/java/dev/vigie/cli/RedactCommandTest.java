package dev.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.Vigie;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RedactCommandTest {
    @Test
    void filtersStandardInputLineByLineWithConfiguredPatternsAndCountsOnStandardError(@TempDir Path data) throws Exception {
        byte[] input = ("ok line\npassword=" + "hunter22" + " EMP-123456\n\u00ff\u00fe not utf-8\n").getBytes(StandardCharsets.ISO_8859_1);
        InputStream originalIn = System.in;
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(input));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = new CommandLine(new Vigie()).execute("redact", "--data-dir", data.toString(),
                    "--redact-pattern", "employee-id=EMP-[0-9]{6}");
            assertThat(code).isZero();
        } finally {
            System.setIn(originalIn);
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "ok line\npassword=<secret:password> <secret:employee-id>\n\ufffd\ufffd not utf-8\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("3 lines, 2 replaced: {employee-id=1, secret-field=1}");
    }
}

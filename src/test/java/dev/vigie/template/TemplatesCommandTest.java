package dev.vigie.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplatesCommandTest {
    @Test
    void writesOneRowPerLineWithTheFinalTemplateOfItsGroup(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("app.log");
        Files.writeString(log, """
                081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block blk_38865049064139660 terminating
                081109 203807 222 INFO dfs.DataNode$PacketResponder: Received block blk_-6952295868487656571 of size 67108864 from /10.251.42.84
                081109 204005 35 INFO dfs.FSNamesystem: BLOCK* NameSystem.addStoredBlock: blockMap updated: 10.251.73.220:50010 is added to blk_7128370237687728475 size 67108864
                081109 204015 308 INFO dfs.DataNode$PacketResponder: PacketResponder 2 for block blk_8229193803249955061 terminating
                """);
        Path out = dir.resolve("out.csv");
        Cli.Result r = Cli.run("templates", log.toString(), "--log-format", "<Date> <Time> <Pid> <Level> <Component>: <Content>",
                "--out", out.toString());
        assertThat(r.exitCode()).isZero();
        List<String> rows = Files.readAllLines(out);
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0)).isEqualTo("LineId,EventId,EventTemplate");
        String first = rows.get(1);
        assertThat(first).startsWith("1,").endsWith(",PacketResponder <*> for block <*> terminating");
        assertThat(rows.get(4)).startsWith("4,").endsWith(first.substring(2));
        assertThat(rows.get(2)).startsWith("2,").endsWith(",Received block <*> of size <*> from <*>");
        assertThat(rows.get(3)).isEqualTo("3," + rows.get(3).split(",")[1]
                + ",BLOCK* NameSystem.addStoredBlock: blockMap updated: <*> is added to <*> size <*>");
    }

    @Test
    void theFileAndStandardOutputGetTheSameRowsWhateverTheSizeOfTheFile(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("big.log");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 30_000; i++) { // several chunks between the reading and the mining thread
            text.append(i % 3 == 0 ? "worker " + i + " started \"quoted, with a comma\" ok\n" : "job " + i + " took " + i + " ms\n");
        }
        text.append("ünïcode line ").append("x".repeat(70_000)).append('\n'); // a row longer than the write buffer
        Files.writeString(log, text);
        Path out = dir.resolve("out.csv");
        assertThat(Cli.run("templates", log.toString(), "--out", out.toString()).exitCode()).isZero();
        Cli.Result printed = Cli.run("templates", log.toString());
        assertThat(printed.exitCode()).isZero();
        assertThat(Files.readString(out)).isEqualTo(printed.out());
        List<String> rows = Files.readAllLines(out);
        assertThat(rows).hasSize(30_002);
        assertThat(rows.get(30_000)).startsWith("30000,").endsWith(",job <*> took <*>");
    }

    @Test
    void anUnknownFormatIsAClearError(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("app.log");
        Files.writeString(log, "x\n");
        assertThat(Cli.run("templates", log.toString(), "--log-format", "yaml").exitCode()).isEqualTo(2);
    }
}

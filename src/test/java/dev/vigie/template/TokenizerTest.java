package dev.vigie.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TokenizerTest {
    static final List<String> SHAPES = List.of("blk_-#", "uid=#", "0x#", "#x#", "v#.#.#", "#.#.#.#:#", "core.#", "R#-M#-N#-C:J#-U#",
            "ssh#", "jk#_init()", "(TID #)", "#ms", "#.# KB,", "attempt_#_#_m_#_#", "rdd_#_#", "host-#.example.com", "/var/log/#.log",
            "#", "-#", "[#]", "id=0x#,", "#:#:#", "Jul # #:#:# #", "x#y#", "#0",
            "# ms", "<# sec", "# bytes (#.# KB)", "[#.#.#.#:#, #.#.#.#:#]", "\"GET /a/# HTTP/1.#\"", "done", "Bye", "sent,");

    /**
     * The mask cache answers by shape: what it gives must be what the masker gives for that very
     * token, in lines of several shapes where tokens join (units, copies, lists, quotes, dates).
     */
    @Test
    void theMaskCacheGivesWhatTheMaskerWouldForEveryToken() {
        SplittableRandom random = new SplittableRandom(11);
        Tokenizer shared = new Tokenizer();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder line = new StringBuilder("value");
            int pieces = 1 + random.nextInt(5);
            for (int p = 0; p < pieces; p++) {
                line.append(' ');
                append(line, SHAPES.get(random.nextInt(SHAPES.size())), random);
            }
            String message = line.toString();
            assertThat(shared.tokens(message)).as(message).containsExactly(new Tokenizer().tokens(message));
        }
    }

    private static void append(StringBuilder line, String shape, SplittableRandom random) {
        for (char c : shape.toCharArray()) {
            if (c == '#') {
                int digits = 1 + random.nextInt(random.nextBoolean() ? 2 : 12);
                for (int d = 0; d < digits; d++) {
                    line.append((char) ('0' + random.nextInt(10)));
                }
            } else {
                line.append(c);
            }
        }
    }
}

package dev.vigie.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The validator that counts invalid lines agrees with the JDK's strict UTF-8 decoder on every byte
 * sequence, but for NUL, which the decoder takes and no text holds.
 */
class Utf8ValidatorTest {
    @Property(tries = 10000)
    void agreesWithTheJdkDecoder(@ForAll("utf8ish") byte[] bytes) {
        boolean nul = false;
        for (byte b : bytes) {
            nul |= b == 0;
        }
        assertThat(Utf8.valid(bytes, bytes.length)).isEqualTo(strictlyDecodes(bytes) && !nul);
    }

    /** Mostly valid text with bytes from every UTF-8 lead and continuation range mixed in. */
    @Provide
    Arbitrary<byte[]> utf8ish() {
        Arbitrary<byte[]> valid = Arbitraries.strings().ofMaxLength(20).map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> edges = Arbitraries.of((byte) 0x00, (byte) 0x80, (byte) 0xBF, (byte) 0xC0, (byte) 0xC1, (byte) 0xC2, (byte) 0xDF,
                (byte) 0xE0, (byte) 0xED, (byte) 0xEF, (byte) 0xF0, (byte) 0xF4, (byte) 0xF5, (byte) 0xFF, (byte) 0x9F, (byte) 0xA0)
                .array(byte[].class).ofMaxSize(4);
        return Arbitraries.oneOf(valid, edges).list().ofMaxSize(5).map(parts -> {
            int n = parts.stream().mapToInt(p -> p.length).sum();
            ByteBuffer all = ByteBuffer.allocate(n);
            parts.forEach(all::put);
            return all.array();
        });
    }

    private static boolean strictlyDecodes(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}

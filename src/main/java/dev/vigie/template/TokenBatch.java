package dev.vigie.template;

import java.util.Arrays;

/**
 * Messages to mine in order, possibly already read into masked tokens on another thread: so that
 * the thread that reads a file can take part of the miner's work when the miner falls behind.
 * {@link TemplateMiner#assign(TokenBatch, int)} mines line by line either way; masking depends on
 * a token's characters only, so which thread read a line changes nothing.
 */
public final class TokenBatch {
    final String[] messages;
    final int size;
    /** Per line, the index of its first token, one more entry for the end; null while not read into tokens. */
    int[] firstToken;
    int[] starts;
    int[] ends;
    long[] hashes;
    String[] texts;
    private int tokens;

    /** The first {@code n} messages, to be read into tokens by the miner. */
    public TokenBatch(String[] messages, int n) {
        this.messages = Arrays.copyOf(messages, n);
        this.size = n;
    }

    public int size() {
        return size;
    }

    boolean tokenized() {
        return firstToken != null;
    }

    private void add(Tokenizer line) {
        int n = line.count();
        if (tokens + n > starts.length) {
            int grown = Math.max(starts.length * 2, tokens + n);
            starts = Arrays.copyOf(starts, grown);
            ends = Arrays.copyOf(ends, grown);
            hashes = Arrays.copyOf(hashes, grown);
            texts = Arrays.copyOf(texts, grown);
        }
        line.copyTo(this, tokens);
        tokens += n;
    }

    /** Reads batches into tokens on the calling thread; one reader per thread. */
    public static final class Reader {
        private final Tokenizer tokenizer = new Tokenizer();

        public void read(TokenBatch batch) {
            int capacity = batch.size * 8 + 8;
            batch.starts = new int[capacity];
            batch.ends = new int[capacity];
            batch.hashes = new long[capacity];
            batch.texts = new String[capacity];
            int[] first = new int[batch.size + 1];
            for (int i = 0; i < batch.size; i++) {
                tokenizer.read(TemplateMiner.mined(batch.messages[i]));
                batch.add(tokenizer);
                first[i + 1] = batch.tokens;
            }
            batch.firstToken = first; // last: the miner reads the batch only after a queue hands it over
        }
    }
}

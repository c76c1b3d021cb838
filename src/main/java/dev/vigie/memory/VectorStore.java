package dev.vigie.memory;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where the memory keeps its records and their vectors: a Lucene index in the data directory, or a
 * Qdrant collection. Both pass {@code VectorStoreContract}. SQLite stays the source of truth: a store
 * can be cleared and rebuilt from it at any time.
 */
public interface VectorStore extends AutoCloseable {
    /** A record and its vector, written together. */
    record Entry(MemoryRecord record, float[] vector) {
    }

    /** Adds records, or replaces those of the same id. Visible to searches after {@link #commit}. */
    void upsert(List<Entry> entries);

    void delete(Collection<String> ids);

    /** The best records first: by meaning when the query has a vector, by words when it has text, fused when both. */
    List<MemoryHit> search(MemoryQuery query);

    long count();

    /**
     * What the store was last committed with (the embedding model, how far the outbox was learned);
     * empty for a new, deleted or foreign store.
     */
    Map<String, String> state();

    /** Makes every write so far durable and visible, with the state they reach. */
    void commit(Map<String, String> state);

    /** Removes every record and the state. */
    void clear();

    /** Where it is, for messages: a directory, a URL and collection. */
    String describe();

    @Override
    void close();
}
